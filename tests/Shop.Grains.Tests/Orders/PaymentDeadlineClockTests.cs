using Shop.Grains.Catalog;
using Shop.Grains.Common;
using Shop.Grains.Orders;

namespace Shop.Grains.Tests.Orders;

/// <summary>What an order decides from its clock once the payment deadline (30 minutes) has passed, with the clock moved instead of waited for.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class PaymentDeadlineClockTests(FakeClockClusterFixture fixture)
{
    private static readonly TimeSpan PastTheDeadline = new ShopRulesOptions().PaymentTimeout + TimeSpan.FromSeconds(1);
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Reading_an_order_past_its_deadline_shows_it_cancelled()
    {
        var product = await Shopping.NewProduct(_grains, stock: 5);
        var shopper = await Shopping.ShopperWithCart(_grains, (product, 1));
        var placed = (await Shopping.Checkout(_grains, shopper)).Value!;
        var order = _grains.GetGrain<IOrderGrain>(placed.Id);

        FakeClockClusterFixture.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(OrderStatus.PendingPayment, (await order.Get())!.Status);

        FakeClockClusterFixture.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(OrderStatus.Cancelled, (await order.Get())!.Status);
        Assert.Equal(5, (await Shopping.Product(_grains, product)).Stock);
    }

    [Fact]
    public async Task A_paid_order_is_not_cancelled_when_the_deadline_passes()
    {
        var product = await Shopping.NewProduct(_grains, stock: 5);
        var shopper = await Shopping.ShopperWithCart(_grains, (product, 2));
        var order = _grains.GetGrain<IOrderGrain>((await Shopping.Checkout(_grains, shopper)).Value!.Id);
        await order.PayByCard(new CardPayment(SimulatedCardGateway.ApprovedCard, "k"));

        FakeClockClusterFixture.Clock.Advance(PastTheDeadline * 2);

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
        FakeClockClusterFixture.Clock.Advance(PastTheDeadline);

        var late = await order.ApplyPaymentEvent(new PaymentEvent("pay_late", "succeeded", placed.Total));

        Assert.Equal(OrderStatus.Refunded, late.Value!.Status);
        Assert.Equal("pay_late", late.Value.Payment!.Id);
        Assert.Equal([OrderStatus.PendingPayment, OrderStatus.Cancelled, OrderStatus.Refunded], late.Value.History.Select(h => h.Status));
        Assert.True(late.Value.History[1].At >= placed.PaymentDeadline);
        Assert.Equal(5, (await Shopping.Product(_grains, product)).Stock);
        Assert.Equal(OrderStatus.Refunded, (await order.ApplyPaymentEvent(new PaymentEvent("pay_late", "succeeded", placed.Total))).Value!.Status);
    }
}
