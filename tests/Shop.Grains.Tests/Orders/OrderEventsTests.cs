using Shop.Grains.Catalog;
using Shop.Grains.Orders;

namespace Shop.Grains.Tests.Orders;

/// <summary>Order events, stored with the order, and the notices the silo delivers from them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OrderEventsTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Each_event_told_to_the_shopper_is_emailed_once_under_its_event_id()
    {
        var product = await Shopping.NewProduct(_grains, stock: 10);
        var (shopper, email) = await Shopping.RegisteredShopperWithCart(_grains, (product, 2));
        var id = (await Shopping.Checkout(_grains, shopper)).Value!.Id;
        var order = _grains.GetGrain<IOrderGrain>(id);
        await order.PayByCard(new CardPayment(SimulatedCardGateway.ApprovedCard, "k"));
        await order.Ship("顺丰速运", "SF1");
        await order.Deliver();

        await Shopping.Eventually(() => Task.FromResult(SentNotifications.Instance.EmailsTo(email).Count >= 3), TimeSpan.FromSeconds(10), "three emails");
        await Task.Delay(300);

        var sent = SentNotifications.Instance.EmailsTo(email).OrderBy(e => e.MessageId).ToList();
        Assert.Equal(["order-placed", "order-paid", "order-shipped"], sent.Select(e => e.Kind)); // delivery is not mailed
        Assert.Equal([$"{id}-1", $"{id}-2", $"{id}-3"], sent.Select(e => e.MessageId));
        Assert.Equal(4, (await order.Get())!.History.Count);
    }

    [Fact]
    public async Task Concurrent_cancels_of_a_paid_order_send_one_refund_email()
    {
        var product = await Shopping.NewProduct(_grains, stock: 10);
        var (shopper, email) = await Shopping.RegisteredShopperWithCart(_grains, (product, 1));
        var order = _grains.GetGrain<IOrderGrain>((await Shopping.Checkout(_grains, shopper)).Value!.Id);
        await order.PayByCard(new CardPayment(SimulatedCardGateway.ApprovedCard, "k"));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => order.Cancel()).Append(order.Refund()));

        await Shopping.Eventually(() => Task.FromResult(SentNotifications.Instance.EmailsTo(email).Any(e => e.Kind == "order-refunded")),
            TimeSpan.FromSeconds(10), "the refund email");
        await Task.Delay(300);
        Assert.Single(SentNotifications.Instance.EmailsTo(email), e => e.Kind == "order-refunded");
    }
}

/// <summary>The outbox under failure: the order's reminder does what a failure left undone.</summary>
[Collection(ShortDeadlineCollection.Name)]
public sealed class OrderOutboxTests(ShortDeadlineClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task A_notice_whose_delivery_fails_is_sent_again_by_the_reminder_until_it_goes_out_once()
    {
        var product = await Shopping.NewProduct(_grains, stock: 10);
        var (shopper, email) = await Shopping.RegisteredShopperWithCart(_grains, (product, 1));
        // Each send tries twice (one quick retry): three failures outlast the first send.
        SentNotifications.Instance.FailNext(email, 3);

        var id = (await Shopping.Checkout(_grains, shopper)).Value!.Id;

        await Shopping.Eventually(() => Task.FromResult(SentNotifications.Instance.EmailsTo(email).Count > 0), TimeSpan.FromSeconds(10),
            "the placed email, after the reminder sent it again");
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // two more reminder periods: a confirmed notice is not sent again
        Assert.Equal([$"{id}-1"], SentNotifications.Instance.EmailsTo(email).Select(e => e.MessageId));
    }

    [Fact]
    public async Task An_order_the_admin_list_could_not_take_reaches_it_with_the_reminder()
    {
        var product = await Shopping.NewProduct(_grains, stock: 10);
        var (shopper, _) = await Shopping.RegisteredShopperWithCart(_grains, (product, 1));
        TestReadModel.Instance.FailNext(shopper, 2);

        var id = (await Shopping.Checkout(_grains, shopper)).Value!.Id;

        await Shopping.Eventually(async () => (await TestReadModel.Instance.Query(
                new Shop.Grains.Orders.ReadModel.OrderRowQuery(NumberPrefix: Shop.Grains.Orders.ReadModel.OrderRow.NumberOf(id)))).Rows.Any(r => r.OrderId == id),
            TimeSpan.FromSeconds(10), "the order in the admin list, after the reminder retried");
    }
}
