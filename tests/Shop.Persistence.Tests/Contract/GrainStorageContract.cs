using System.Collections.Immutable;
using Orleans.Runtime;
using Orleans.Storage;
using Shop.Grains.Carts;

namespace Shop.Persistence.Tests.Contract;

/// <summary>
/// What the shop needs of any grain storage provider, written once and run against each one
/// (PostgreSQL, MongoDB): a write reads back equal, a write from a stale read is rejected without
/// overwriting, and clearing removes the state. Uses the shop's real state types.
/// </summary>
public abstract class GrainStorageContract : IAsyncLifetime
{
    private const string StateName = "cart";
    private StorageHost? _host;

    /// <summary>Starts a host with the provider under test, or skips the test with the reason.</summary>
    protected abstract Task<StorageHost> StartHostAsync();

    private IGrainStorage Storage => _host!.Storage;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task A_state_never_written_reads_as_absent()
    {
        await Start();
        var read = await Read(NewGrain());
        Assert.False(read.RecordExists);
        Assert.Empty(read.State!.Lines);
    }

    [SkippableFact]
    public async Task A_written_state_reads_back_equal_with_an_etag()
    {
        await Start();
        var grain = NewGrain();
        var state = await Read(grain);
        state.State = Cart(("商品-α", 3), ("product-β", 99));
        await Storage.WriteStateAsync(StateName, grain, state);

        var read = await Read(grain);
        Assert.True(read.RecordExists);
        Assert.False(string.IsNullOrEmpty(read.ETag));
        Assert.Equal(state.State!.Lines, read.State!.Lines);
    }

    [SkippableFact]
    public async Task Successive_writes_from_one_reader_each_move_the_etag_on()
    {
        await Start();
        var grain = NewGrain();
        var state = await Read(grain);
        var etags = new List<string?>();
        for (var i = 1; i <= 3; i++)
        {
            state.State = Cart(("p", i));
            await Storage.WriteStateAsync(StateName, grain, state);
            etags.Add(state.ETag);
        }

        Assert.Equal(3, etags.Distinct().Count());
        Assert.Equal(3, (await Read(grain)).State!.Lines[0].Quantity);
    }

    [SkippableFact]
    public async Task A_write_from_a_stale_read_is_rejected_and_the_newer_state_kept()
    {
        await Start();
        var grain = NewGrain();
        var first = await Read(grain);
        first.State = Cart(("p", 1));
        await Storage.WriteStateAsync(StateName, grain, first);

        var winner = await Read(grain);
        var loser = await Read(grain);
        winner.State = Cart(("p", 2));
        await Storage.WriteStateAsync(StateName, grain, winner);
        loser.State = Cart(("p", 3));

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, loser));
        Assert.Equal(2, (await Read(grain)).State!.Lines[0].Quantity);
    }

    [SkippableFact]
    public async Task Two_first_writers_cannot_both_create_the_state()
    {
        await Start();
        var grain = NewGrain();
        var a = await Read(grain);
        var b = await Read(grain);
        a.State = Cart(("a", 1));
        b.State = Cart(("b", 1));

        await Storage.WriteStateAsync(StateName, grain, a);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, b));
        Assert.Equal("a", (await Read(grain)).State!.Lines[0].ProductId);
    }

    [SkippableFact]
    public async Task Clearing_removes_the_state_and_it_can_be_written_again()
    {
        await Start();
        var grain = NewGrain();
        var state = await Read(grain);
        state.State = Cart(("p", 5));
        await Storage.WriteStateAsync(StateName, grain, state);

        await Storage.ClearStateAsync(StateName, grain, state);

        var cleared = await Read(grain);
        Assert.Empty(cleared.State!.Lines);
        cleared.State = Cart(("q", 1));
        await Storage.WriteStateAsync(StateName, grain, cleared);
        Assert.Equal("q", (await Read(grain)).State!.Lines[0].ProductId);
    }

    [SkippableFact]
    public async Task Clearing_from_a_stale_read_is_rejected()
    {
        await Start();
        var grain = NewGrain();
        var state = await Read(grain);
        state.State = Cart(("p", 1));
        await Storage.WriteStateAsync(StateName, grain, state);
        var stale = await Read(grain);
        state.State = Cart(("p", 2));
        await Storage.WriteStateAsync(StateName, grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grain, stale));
        Assert.Equal(2, (await Read(grain)).State!.Lines[0].Quantity);
    }

    [SkippableFact]
    public async Task States_of_different_grains_are_kept_apart()
    {
        await Start();
        var (one, two) = (NewGrain(), NewGrain());
        var a = await Read(one);
        var b = await Read(two);
        a.State = Cart(("one", 1));
        b.State = Cart(("two", 2));
        await Storage.WriteStateAsync(StateName, one, a);
        await Storage.WriteStateAsync(StateName, two, b);

        Assert.Equal("one", (await Read(one)).State!.Lines[0].ProductId);
        Assert.Equal("two", (await Read(two)).State!.Lines[0].ProductId);
    }

    [SkippableFact]
    public async Task A_large_state_round_trips()
    {
        await Start();
        var grain = NewGrain();
        var state = await Read(grain);
        state.State = Cart(Enumerable.Range(0, 100).Select(i => ($"{new string('商', 200)}-{i}", i % 99 + 1)).ToArray());
        await Storage.WriteStateAsync(StateName, grain, state);

        Assert.Equal(state.State!.Lines, (await Read(grain)).State!.Lines);
    }

    private async Task Start() => _host ??= await StartHostAsync();

    private async Task<GrainState<CartState>> Read(GrainId grain)
    {
        var state = new GrainState<CartState>(new CartState());
        await Storage.ReadStateAsync(StateName, grain, state);
        return state;
    }

    private static GrainId NewGrain() => GrainId.Create("cart", Guid.NewGuid().ToString("N"));

    private static CartState Cart(params (string Product, int Quantity)[] lines) =>
        new() { Lines = lines.Select(l => new StoredCartLine(l.Product, l.Quantity)).ToImmutableList() };
}
