using Shop.Grains.Common;

namespace Shop.Grains.Health;

[GenerateSerializer, Alias("shop.StorageProbeState")]
public sealed record StorageProbeState
{
    [Id(0)] public DateTimeOffset LastProbe { get; init; }
}

internal sealed class StorageProbeGrain(
    [PersistentState("probe", StorageNames.Shop)] IPersistentState<StorageProbeState> store,
    TimeProvider clock) : Grain, IStorageProbeGrain
{
    public async Task Probe()
    {
        await store.SaveAsync(new StorageProbeState { LastProbe = clock.GetUtcNow() });
        await store.ReadStateAsync();
    }
}
