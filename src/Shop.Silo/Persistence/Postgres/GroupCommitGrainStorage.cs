using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Storage;

namespace Shop.Silo.Persistence.Postgres;

/// <summary>
/// The shop's grain storage on PostgreSQL: Orleans' ADO.NET storage for reads and clears, with every write
/// sent through <see cref="GroupCommitWriter"/>. Same table, same rows, same versions as Orleans' own, so
/// stored data needs no migration and the silo can go back to the plain provider at any time.
/// </summary>
internal sealed class GroupCommitGrainStorage(
    IGrainStorage orleansStorage, GroupCommitWriter writer, IGrainStorageSerializer serializer, IStorageHasherPicker hashers, string serviceId, string name)
    : IGrainStorage
{
    public static GroupCommitGrainStorage Create(IServiceProvider services, string name, string orleansStorageName)
    {
        var options = services.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(orleansStorageName);
        return new GroupCommitGrainStorage(
            services.GetRequiredKeyedService<IGrainStorage>(orleansStorageName),
            services.GetRequiredService<GroupCommitWriter>(),
            options.GrainStorageSerializer,
            options.HashPicker ?? new StorageHasherPicker([new OrleansDefaultHasher()]),
            services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            name);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        orleansStorage.ReadStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        orleansStorage.ClearStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!OrleansStorageKey.CanName(stateName))
        {
            await orleansStorage.WriteStateAsync(stateName, grainId, grainState);
            return;
        }

        var hasher = hashers.PickHasher(serviceId, name, stateName, grainId, grainState)
            ?? throw new InvalidOperationException("The storage hash picker gave no hasher.");
        var expected = string.IsNullOrWhiteSpace(grainState.ETag) ? (int?)null : int.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        var payload = serializer.Serialize(grainState.State).ToArray();
        var stored = await writer.Write(new StateWrite(OrleansStorageKey.From(grainId, stateName, hasher), serviceId, expected, payload));

        // As Orleans' provider reads `WriteToStorage`: no row written, or the version unchanged, is a conflict.
        if (stored is null || stored == expected)
        {
            throw new InconsistentStateException(
                $"Version conflict (WriteState): ServiceId={serviceId} ProviderName={name} GrainType={stateName} GrainId={grainId} ETag={grainState.ETag}.");
        }

        grainState.ETag = stored.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }
}
