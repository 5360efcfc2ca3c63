using Shop.Grains.Orders;

namespace Shop.Grains.Notifications;

/// <summary>
/// Tells the shopper about one order event (key: the event's id): email when placed, paid, shipped
/// and refunded; SMS when shipped, if they gave a phone. Silo-internal: only orders call it.
/// </summary>
public interface IOrderNotificationGrain : IGrainWithStringKey
{
    /// <summary>
    /// One-way: the order never waits on a mail server. When the notices are out, the grain confirms
    /// to the order (<see cref="Orders.IOrderOutbox.Confirm"/>); until then the order's reminder sends again.
    /// </summary>
    [OneWay]
    Task Send(OrderEvent orderEvent, OrderView order);
}

public static class OrderNotifications
{
    /// <summary>Whether an event is told to the shopper at all (a delivery or a plain cancel is not).</summary>
    public static bool AreSentFor(OrderEventKind kind) =>
        kind is OrderEventKind.Placed or OrderEventKind.Paid or OrderEventKind.Shipped or OrderEventKind.Refunded;
}
