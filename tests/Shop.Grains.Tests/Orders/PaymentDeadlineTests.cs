using Shop.Grains.Catalog;
using Shop.Grains.Orders;

namespace Shop.Grains.Tests.Orders;

[Collection(ShortDeadlineCollection.Name)]
public sealed class PaymentDeadlineTests(ShortDeadlineClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task An_unpaid_order_is_cancelled_by_its_reminder_and_its_stock_returns_once()
    {
        var product = await Shopping.NewProduct(_grains, stock: 10);
        var shopper = await Shopping.ShopperWithCart(_grains, (product, 3));
        var placed = (await Shopping.Checkout(_grains, shopper)).Value!;
        Assert.Equal(7, (await Shopping.Product(_grains, product)).Stock);

        // Watch the product only: reading the order would cancel it lazily and hide the reminder's work.
        await Shopping.Eventually(async () => (await Shopping.Product(_grains, product)).Stock == 10,
            TimeSpan.FromSeconds(20), "the reminder to return the stock");

        var order = _grains.GetGrain<IOrderGrain>(placed.Id);
        await order.Cancel();
        var view = (await order.Get())!;
        Assert.Equal(OrderStatus.Cancelled, view.Status);
        Assert.True(view.History[^1].At >= placed.PaymentDeadline);
        Assert.Equal(10, (await Shopping.Product(_grains, product)).Stock);
        Assert.True((await order.PayByCard(new CardPayment(SimulatedCardGateway.ApprovedCard, "late"))).Error is not null);
    }

    [Fact]
    public async Task Reading_an_order_past_its_deadline_shows_it_cancelled()
    {
        var product = await Shopping.NewProduct(_grains, stock: 5);
        var shopper = await Shopping.ShopperWithCart(_grains, (product, 1));
        var placed = (await Shopping.Checkout(_grains, shopper)).Value!;

        await Task.Delay(ShortDeadlineClusterFixture.PaymentTimeout + TimeSpan.FromMilliseconds(200));

        Assert.Equal(OrderStatus.Cancelled, (await _grains.GetGrain<IOrderGrain>(placed.Id).Get())!.Status);
        Assert.Equal(5, (await Shopping.Product(_grains, product)).Stock);
    }

    [Fact]
    public async Task A_paid_order_is_not_cancelled_when_the_deadline_passes()
    {
        var product = await Shopping.NewProduct(_grains, stock: 5);
        var shopper = await Shopping.ShopperWithCart(_grains, (product, 2));
        var order = _grains.GetGrain<IOrderGrain>((await Shopping.Checkout(_grains, shopper)).Value!.Id);
        await order.PayByCard(new CardPayment(SimulatedCardGateway.ApprovedCard, "k"));

        await Task.Delay(ShortDeadlineClusterFixture.PaymentTimeout * 2);

        Assert.Equal(OrderStatus.Paid, (await order.Get())!.Status);
        Assert.Equal(3, (await Shopping.Product(_grains, product)).Stock);
    }

    [Fact]
    public async Task A_payment_that_arrives_after_the_deadline_is_kept_and_refunded_and_stock_returns_once()
    {
        var product = await Shopping.NewProduct(_grains, stock: 5);
        var shopper = await Shopping.ShopperWithCart(_grains, (product, 2));
        var placed = (await Shopping.Checkout(_grains, shopper)).Value!;
        var order = _grains.GetGrain<IOrderGrain>(placed.Id);
        await Task.Delay(ShortDeadlineClusterFixture.PaymentTimeout + TimeSpan.FromMilliseconds(200));

        var late = await order.ApplyPaymentEvent(new PaymentEvent("pay_late", "succeeded", placed.Total));

        Assert.Equal(OrderStatus.Refunded, late.Value!.Status);
        Assert.Equal("pay_late", late.Value.Payment!.Id);
        Assert.Equal([OrderStatus.PendingPayment, OrderStatus.Cancelled, OrderStatus.Refunded], late.Value.History.Select(h => h.Status));
        Assert.Equal(5, (await Shopping.Product(_grains, product)).Stock);
        Assert.Equal(OrderStatus.Refunded, (await order.ApplyPaymentEvent(new PaymentEvent("pay_late", "succeeded", placed.Total))).Value!.Status);
    }
}
