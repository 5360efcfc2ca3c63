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
}
