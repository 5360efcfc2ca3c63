namespace Shop.Grains.Orders;

/// <summary>What happened to an order; each status change is one event.</summary>
[GenerateSerializer, Alias("shop.OrderEventKind")]
public enum OrderEventKind
{
    Placed,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
    Refunded,
}

/// <summary>
/// A domain event of an order. Events are stored with the order in the same write (they are its
/// status history) and numbered from 1 per order, so <see cref="Id"/> is unique and a consumer that
/// sees one twice can tell.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.contract.OrderEvent")]
public sealed record OrderEvent(
    [property: Id(0)] string OrderId,
    [property: Id(1)] int Sequence,
    [property: Id(2)] OrderEventKind Kind,
    [property: Id(3)] DateTimeOffset At)
{
    public string Id => IdOf(OrderId, Sequence);

    public static string IdOf(string orderId, int sequence) => $"{orderId}-{sequence}";

    /// <summary>The event that moving an order to <paramref name="status"/> records.</summary>
    public static OrderEventKind KindOf(OrderStatus status) => status switch
    {
        OrderStatus.PendingPayment => OrderEventKind.Placed,
        OrderStatus.Paid => OrderEventKind.Paid,
        OrderStatus.Shipped => OrderEventKind.Shipped,
        OrderStatus.Delivered => OrderEventKind.Delivered,
        OrderStatus.Cancelled => OrderEventKind.Cancelled,
        _ => OrderEventKind.Refunded,
    };
}
