using Shop.Grains.Orders;
using Shop.Grains.Orders.ReadModel;

namespace Shop.Grains.Tests.Orders;

/// <summary>The admin order list follows each order's events, at its latest version.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OrderReadModelTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Each_change_of_an_order_reaches_the_admin_list_with_the_shoppers_email()
    {
        var product = await Shopping.NewProduct(_grains, stock: 10, price: 4200);
        var (shopper, email) = await Shopping.RegisteredShopperWithCart(_grains, (product, 2));
        var id = (await Shopping.Checkout(_grains, shopper)).Value!.Id;

        var placed = await RowOf(id, r => r.Status == OrderStatus.PendingPayment);
        Assert.Equal((email, 1, OrderRow.NumberOf(id), 8400L + 1000), (placed.Email, placed.Version, placed.Number, placed.Total));

        await _grains.GetGrain<IOrderGrain>(id).Cancel();

        var cancelled = await RowOf(id, r => r.Status == OrderStatus.Cancelled);
        Assert.Equal(2, cancelled.Version);
        Assert.Single((await TestReadModel.Instance.Query(new OrderRowQuery(Email: email, Take: 100))).Rows);
    }

    [Fact]
    public async Task A_row_arriving_late_does_not_turn_a_newer_one_back()
    {
        var model = new MemoryOrderReadModel();
        var at = DateTimeOffset.UtcNow;
        var paid = new OrderRow("o1", "O1", "u", "a@b.c", OrderStatus.Paid, 100, at, at, Version: 2);

        await model.Upsert(paid);
        await model.Upsert(paid with { Status = OrderStatus.PendingPayment, Version = 1 });

        Assert.Equal(OrderStatus.Paid, (await model.Query(new OrderRowQuery())).Rows.Single().Status);
    }

    private async Task<OrderRow> RowOf(string orderId, Func<OrderRow, bool> condition)
    {
        OrderRow? row = null;
        await Shopping.Eventually(async () =>
        {
            var page = await TestReadModel.Instance.Query(new OrderRowQuery(NumberPrefix: OrderRow.NumberOf(orderId), Take: 100));
            row = page.Rows.SingleOrDefault(r => r.OrderId == orderId);
            return row is not null && condition(row);
        }, TimeSpan.FromSeconds(5), $"the row of order {orderId}");
        return row!;
    }
}
