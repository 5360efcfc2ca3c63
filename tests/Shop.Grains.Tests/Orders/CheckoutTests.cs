using Shop.Grains.Carts;
using Shop.Grains.Common;
using Shop.Grains.Orders;

namespace Shop.Grains.Tests.Orders;

[Collection(ClusterCollection.Name)]
public sealed class CheckoutTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Shoppers_racing_for_the_last_units_never_oversell()
    {
        var product = await Shopping.NewProduct(_grains, stock: 5);
        var shoppers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Shopping.ShopperWithCart(_grains, (product, 1))));

        var outcomes = await Task.WhenAll(shoppers.Select(s => Shopping.Checkout(_grains, s)));

        Assert.Equal(5, outcomes.Count(o => o.IsSuccess));
        Assert.All(outcomes.Where(o => !o.IsSuccess), o => Assert.Equal(ErrorKind.Conflict, o.Error!.Kind));
        var view = await Shopping.Product(_grains, product);
        Assert.Equal(0, view.Stock);
        Assert.Equal(5, view.Reserved);
    }

    [Fact]
    public async Task A_failed_checkout_releases_what_it_reserved_and_keeps_the_cart()
    {
        var plenty = await Shopping.NewProduct(_grains, stock: 10);
        var scarce = await Shopping.NewProduct(_grains, stock: 3);
        var shopper = await Shopping.ShopperWithCart(_grains, (plenty, 2), (scarce, 3));
        await Shopping.ShopperWithCart(_grains); // nothing
        var rival = await Shopping.ShopperWithCart(_grains, (scarce, 2));
        Assert.True((await Shopping.Checkout(_grains, rival)).IsSuccess);

        var outcome = await Shopping.Checkout(_grains, shopper);

        Assert.Equal(ErrorKind.Conflict, outcome.Error!.Kind);
        Assert.Equal([scarce], outcome.Error.Errors!.Keys);
        Assert.Equal(10, (await Shopping.Product(_grains, plenty)).Stock);
        Assert.Equal(0, (await Shopping.Product(_grains, plenty)).Reserved);
        Assert.Equal(1, (await Shopping.Product(_grains, scarce)).Stock);
        Assert.Equal(2, (await _grains.GetGrain<ICartGrain>(shopper).GetLines()).Count);
        Assert.Equal(0, (await _grains.GetGrain<IUserOrdersGrain>(shopper).List(1, 10)).Total);
    }

    [Fact]
    public async Task A_repeated_idempotency_key_returns_the_same_order_and_reserves_once()
    {
        var product = await Shopping.NewProduct(_grains, stock: 10);
        var shopper = await Shopping.ShopperWithCart(_grains, (product, 3));

        var first = await Shopping.Checkout(_grains, shopper, key: "key-1");
        var concurrentRepeats = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Shopping.Checkout(_grains, shopper, key: "key-1")));

        Assert.All(concurrentRepeats, r => Assert.Equal(first.Value!.Id, r.Value!.Id));
        Assert.Equal(7, (await Shopping.Product(_grains, product)).Stock);
        Assert.Equal(1, (await _grains.GetGrain<IUserOrdersGrain>(shopper).List(1, 10)).Total);
    }

    [Fact]
    public async Task The_cart_is_emptied_only_of_what_was_ordered()
    {
        var product = await Shopping.NewProduct(_grains, stock: 10);
        var shopper = await Shopping.ShopperWithCart(_grains, (product, 2));

        Assert.True((await Shopping.Checkout(_grains, shopper)).IsSuccess);

        Assert.Empty(await _grains.GetGrain<ICartGrain>(shopper).GetLines());
    }

    [Fact]
    public async Task An_empty_cart_is_refused()
    {
        var outcome = await Shopping.Checkout(_grains, ShopIds.New());
        Assert.Equal(ErrorKind.Validation, outcome.Error!.Kind);
    }

    [Fact]
    public async Task Cancelling_returns_stock_exactly_once_whatever_is_repeated()
    {
        var product = await Shopping.NewProduct(_grains, stock: 10);
        var shopper = await Shopping.ShopperWithCart(_grains, (product, 4));
        var order = _grains.GetGrain<IOrderGrain>((await Shopping.Checkout(_grains, shopper)).Value!.Id);

        await Task.WhenAll(order.Cancel(), order.Cancel(), order.Refund());
        await order.Cancel();

        Assert.Equal(OrderStatus.Cancelled, (await order.Get())!.Status);
        Assert.Equal(10, (await Shopping.Product(_grains, product)).Stock);
    }

    [Fact]
    public async Task A_refund_returns_stock_exactly_once()
    {
        var product = await Shopping.NewProduct(_grains, stock: 10);
        var shopper = await Shopping.ShopperWithCart(_grains, (product, 4));
        var order = _grains.GetGrain<IOrderGrain>((await Shopping.Checkout(_grains, shopper)).Value!.Id);
        Assert.True((await order.PayByCard(new CardPayment(SimulatedCardGateway.ApprovedCard, "k"))).IsSuccess);

        await Task.WhenAll(order.Refund(), order.Cancel(), order.Refund());

        Assert.Equal(OrderStatus.Refunded, (await order.Get())!.Status);
        Assert.Equal(10, (await Shopping.Product(_grains, product)).Stock);
    }

    [Fact]
    public async Task Shipping_commits_the_reserved_units_as_sold()
    {
        var product = await Shopping.NewProduct(_grains, stock: 10);
        var shopper = await Shopping.ShopperWithCart(_grains, (product, 4));
        var order = _grains.GetGrain<IOrderGrain>((await Shopping.Checkout(_grains, shopper)).Value!.Id);
        await order.PayByCard(new CardPayment(SimulatedCardGateway.ApprovedCard, "k"));

        await order.Ship("SF", "SF1");

        var view = await Shopping.Product(_grains, product);
        Assert.Equal(6, view.Stock);
        Assert.Equal(0, view.Reserved);
        Assert.Equal(4, view.Sold);
        Assert.Equal(ErrorKind.Conflict, (await order.Cancel()).Error!.Kind);
    }

    [Fact]
    public async Task A_declined_card_leaves_the_order_waiting_and_an_approved_one_pays_it()
    {
        var product = await Shopping.NewProduct(_grains, stock: 10);
        var shopper = await Shopping.ShopperWithCart(_grains, (product, 1));
        var order = _grains.GetGrain<IOrderGrain>((await Shopping.Checkout(_grains, shopper)).Value!.Id);

        var declined = await order.PayByCard(new CardPayment(SimulatedCardGateway.DeclinedCard, "a"));
        var invalid = await order.PayByCard(new CardPayment("1111222233334444", "b"));
        // A repeat of an attempt answers as the first did and charges nothing, whatever card it carries.
        var repeated = await order.PayByCard(new CardPayment(SimulatedCardGateway.ApprovedCard, "a"));
        var stillWaiting = (await order.Get())!.Status;
        var paid = await order.PayByCard(new CardPayment(SimulatedCardGateway.ApprovedCard, "c"));

        Assert.Equal(ErrorKind.PaymentDeclined, declined.Error!.Kind);
        Assert.Equal(ErrorKind.Validation, invalid.Error!.Kind);
        Assert.Equal(declined.Error, repeated.Error);
        Assert.Equal(OrderStatus.PendingPayment, stillWaiting);
        Assert.Equal(OrderStatus.Paid, paid.Value!.Status);
        Assert.Equal("4242", paid.Value.Payment!.Last4);
    }
}
