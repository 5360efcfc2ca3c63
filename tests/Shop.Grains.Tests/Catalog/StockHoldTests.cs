using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using Shop.Grains.Catalog;
using Shop.Grains.Common;

namespace Shop.Grains.Tests.Catalog;

/// <summary>
/// Each order's share of a product lives in its own stock hold, so the product's stored state stays
/// the same size however many open orders reserved it; these tests read and write that stored state
/// the way a crash or an earlier release would have left it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StockHoldTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private IGrainStorage Storage => fixture.Cluster.ShopStorage();

    [Fact]
    public async Task A_products_stored_state_does_not_grow_with_the_open_orders_holding_it()
    {
        var id = await Shopping.NewProduct(_grains, stock: 1000);
        var product = _grains.GetGrain<IProductGrain>(id);
        await product.Reserve(ShopIds.New(), 1);
        var withOneOrder = await StoredSize(id);

        await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => product.Reserve(ShopIds.New(), 2)));

        var withManyOrders = await StoredSize(id);
        Assert.True(withManyOrders - withOneOrder < 16, $"The stored product grew from {withOneOrder} to {withManyOrders} bytes with 300 more open orders.");
        var view = await Shopping.Product(_grains, id);
        Assert.Equal((399, 601), (view.Stock, view.Reserved));
    }

    [Fact]
    public async Task A_hold_whose_write_was_lost_is_finished_by_the_next_call()
    {
        // As a crash leaves it: the product wrote its counts and named the hold pending; the hold was never written.
        var id = await Shopping.NewProduct(_grains, stock: 10);
        var order = ShopIds.New();
        await Rewrite(id, s => s with { Available = 7, Reserved = 3, Pending = new PendingHold(order, StockHold.Of(StockHoldStatus.Held, 3)) });

        await _grains.GetGrain<IProductGrain>(id).Release(order);

        var view = await Shopping.Product(_grains, id);
        Assert.Equal((10, 0), (view.Stock, view.Reserved));
        Assert.False((await _grains.GetGrain<IProductGrain>(id).Reserve(order, 1)).Reserved);
    }

    [Fact]
    public async Task Reservations_stored_by_the_earlier_release_move_into_holds()
    {
        var id = await Shopping.NewProduct(_grains, stock: 10);
        var (open, settled) = (ShopIds.New(), ShopIds.New());
        await Rewrite(id, s => s with
        {
            Available = 8,
            Reservations = ImmutableDictionary<string, int>.Empty.Add(open, 2),
            Settled = ImmutableDictionary<string, DateTimeOffset>.Empty.Add(settled, DateTimeOffset.UtcNow),
        });

        var product = _grains.GetGrain<IProductGrain>(id);
        Assert.Equal((8, 2), ((await product.Get())!.Stock, (await product.Get())!.Reserved));
        Assert.False((await product.Reserve(settled, 1)).Reserved);
        await product.Commit(open);

        var view = await Shopping.Product(_grains, id);
        Assert.Equal((8, 0, 2L), (view.Stock, view.Reserved, view.Sold));
        var stored = await Read(id);
        Assert.True(stored.State!.Reservations.IsEmpty && stored.State.Settled.IsEmpty);
    }

    /// <summary>Replaces a product's stored state while the product is not in memory, as another process or release would.</summary>
    private async Task Rewrite(string productId, Func<ProductState, ProductState> change)
    {
        await _grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var stored = await Read(productId);
        stored.State = change(stored.State!);
        await Storage.WriteStateAsync("product", ProductGrainId(productId), stored);
    }

    private async Task<GrainState<ProductState>> Read(string productId)
    {
        var stored = new GrainState<ProductState>(new ProductState());
        await Storage.ReadStateAsync("product", ProductGrainId(productId), stored);
        return stored;
    }

    private async Task<int> StoredSize(string productId)
    {
        var state = (await Read(productId)).State!;
        return fixture.Cluster.PrimaryServices().GetRequiredService<Serializer>().SerializeToArray(state).Length;
    }

    private GrainId ProductGrainId(string productId) => _grains.GetGrain<IProductGrain>(productId).GetGrainId();
}
