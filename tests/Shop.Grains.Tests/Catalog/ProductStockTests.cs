using Shop.Grains.Catalog;
using Shop.Grains.Common;

namespace Shop.Grains.Tests.Catalog;

[Collection(ClusterCollection.Name)]
public sealed class ProductStockTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task A_product_and_an_order_read_their_state_back_after_an_idle_deactivation()
    {
        // Memory storage (the embedded default) keeps state as the databases do, in Orleans' binary
        // format; JSON could not read the immutable collections back after a deactivation.
        var productId = await Shopping.NewProduct(_grains, stock: 7);
        var shopper = await Shopping.ShopperWithCart(_grains, (productId, 2));
        var orderId = (await Shopping.Checkout(_grains, shopper)).Value!.Id;

        await _grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var product = (await _grains.GetGrain<IProductGrain>(productId).Get())!;
        Assert.Equal((5, 2), (product.Stock, product.Reserved));
        var order = await _grains.GetGrain<Shop.Grains.Orders.IOrderGrain>(orderId).Get();
        Assert.Equal(2, order!.Items.Single().Quantity);
    }

    [Fact]
    public async Task A_reservation_is_all_or_nothing()
    {
        var product = _grains.GetGrain<IProductGrain>(await Shopping.NewProduct(_grains, stock: 5));

        var tooMany = await product.Reserve(ShopIds.New(), 6);
        var fits = await product.Reserve(ShopIds.New(), 5);

        Assert.False(tooMany.Reserved);
        Assert.Equal(5, tooMany.Available);
        Assert.True(fits.Reserved);
        Assert.Equal(0, fits.Available);
    }

    [Fact]
    public async Task Reserving_twice_for_one_order_holds_the_units_once()
    {
        var id = await Shopping.NewProduct(_grains, stock: 10);
        var product = _grains.GetGrain<IProductGrain>(id);
        var order = ShopIds.New();

        await product.Reserve(order, 3);
        await product.Reserve(order, 3);

        var view = await Shopping.Product(_grains, id);
        Assert.Equal(7, view.Stock);
        Assert.Equal(3, view.Reserved);
    }

    [Fact]
    public async Task Releasing_returns_the_units_exactly_once()
    {
        var id = await Shopping.NewProduct(_grains, stock: 10);
        var product = _grains.GetGrain<IProductGrain>(id);
        var order = ShopIds.New();
        await product.Reserve(order, 4);

        await Task.WhenAll(product.Release(order), product.Release(order), product.Release(order));

        var view = await Shopping.Product(_grains, id);
        Assert.Equal(10, view.Stock);
        Assert.Equal(0, view.Reserved);
    }

    [Fact]
    public async Task A_reserve_arriving_after_its_order_was_released_is_refused()
    {
        var id = await Shopping.NewProduct(_grains, stock: 10);
        var product = _grains.GetGrain<IProductGrain>(id);
        var order = ShopIds.New();

        await product.Release(order);
        var late = await product.Reserve(order, 2);

        Assert.False(late.Reserved);
        Assert.Equal(10, (await Shopping.Product(_grains, id)).Stock);
    }

    [Fact]
    public async Task Committing_turns_held_units_into_sales_and_a_later_release_returns_nothing()
    {
        var id = await Shopping.NewProduct(_grains, stock: 10);
        var product = _grains.GetGrain<IProductGrain>(id);
        var order = ShopIds.New();
        await product.Reserve(order, 4);

        await product.Commit(order);
        await product.Release(order);

        var view = await Shopping.Product(_grains, id);
        Assert.Equal(6, view.Stock);
        Assert.Equal(0, view.Reserved);
        Assert.Equal(4, view.Sold);
    }

    [Fact]
    public async Task Setting_stock_keeps_reservations_apart()
    {
        var id = await Shopping.NewProduct(_grains, stock: 10);
        var product = _grains.GetGrain<IProductGrain>(id);
        var order = ShopIds.New();
        await product.Reserve(order, 4);

        await product.SetStock(20);
        await product.Release(order);

        Assert.Equal(24, (await Shopping.Product(_grains, id)).Stock);
    }

    [Fact]
    public async Task An_archived_product_takes_no_reservations()
    {
        var id = await Shopping.NewProduct(_grains, stock: 10);
        var product = _grains.GetGrain<IProductGrain>(id);
        await product.Archive();

        Assert.False((await product.Reserve(ShopIds.New(), 1)).Reserved);
    }

    [Fact]
    public async Task Concurrent_reservations_never_oversell()
    {
        var id = await Shopping.NewProduct(_grains, stock: 7);
        var product = _grains.GetGrain<IProductGrain>(id);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => product.Reserve(ShopIds.New(), 1)));

        Assert.Equal(7, results.Count(r => r.Reserved));
        Assert.Equal(0, (await Shopping.Product(_grains, id)).Stock);
    }
}
