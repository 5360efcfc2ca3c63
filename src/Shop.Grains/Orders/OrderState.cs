using System.Collections.Immutable;
using Shop.Grains.Carts;
using Shop.Grains.Common;

namespace Shop.Grains.Orders;

[GenerateSerializer, Alias("shop.OrderState")]
public sealed record OrderState
{
    /// <summary>The order, once every line is reserved. Its history is its event log.</summary>
    [Id(0)] public StoredOrder? Order { get; init; }

    /// <summary>
    /// Set while lines are being reserved. If the silo dies mid-checkout, the order's reminder finds it
    /// and releases whatever was reserved.
    /// </summary>
    [Id(1)] public StoredCheckout? Placing { get; init; }

    /// <summary>Products whose reserved units must still go back to stock (cancel, refund).</summary>
    [Id(2)] public ImmutableHashSet<string> OwedReleases { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Products whose reserved units must still be recorded as sold (shipped).</summary>
    [Id(3)] public ImmutableHashSet<string> OwedCommits { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>The Idempotency-Key of the payment that paid the order.</summary>
    [Id(4)] public string? PaymentKey { get; init; }

    /// <summary>A checkout that never finished and was given up by the reminder; the id is not reused.</summary>
    [Id(5)] public bool Abandoned { get; init; }

    // Id 6 held the statuses the API nodes had told the shopper about, before notices followed the
    // events (Id 8). Never reuse it: orders stored then still carry it.

    /// <summary>
    /// The newest refused payment attempts (declined or invalid card) by Idempotency-Key, so that a
    /// repeat of one answers as the first did instead of charging again.
    /// </summary>
    [Id(7)] public ImmutableList<RefusedPayment> RefusedPayments { get; init; } = ImmutableList<RefusedPayment>.Empty;

    /// <summary>
    /// The durable outbox: sequence numbers of events whose notifications are not yet confirmed sent.
    /// Written in the same write as the event, emptied as deliveries confirm.
    /// </summary>
    [Id(8)] public ImmutableSortedSet<int> UnsentNotices { get; init; } = ImmutableSortedSet<int>.Empty;

    /// <summary>
    /// How many of the order's events the admin list (the read model) has. Behind the history, the
    /// reminder brings it up; set when a projection succeeds and stored with the order's next write.
    /// </summary>
    [Id(9)] public int ProjectedVersion { get; init; }
}

[GenerateSerializer, Alias("shop.RefusedPayment")]
public sealed record RefusedPayment([property: Id(0)] string IdempotencyKey, [property: Id(1)] StoredError Error);

[GenerateSerializer, Immutable, Alias("shop.OrderView")]
public sealed record StoredOrder(
    [property: Id(0)] string Id,
    [property: Id(1)] string UserId,
    [property: Id(2)] OrderStatus Status,
    [property: Id(3)] IReadOnlyList<StoredOrderLine> Items,
    [property: Id(4)] long Subtotal,
    [property: Id(5)] long ShippingFee,
    [property: Id(6)] StoredAddress ShippingAddress,
    [property: Id(7)] string? Note,
    [property: Id(8)] StoredPayment? Payment,
    [property: Id(9)] StoredShipment? Shipment,
    [property: Id(10)] IReadOnlyList<StoredStatusChange> History,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset PaymentDeadline)
{
    public long Total => Subtotal + ShippingFee;

    /// <summary>The order's events: its history entries, numbered from 1.</summary>
    public IEnumerable<OrderEvent> EventsAfter(int sequence) => History
        .Select((change, i) => new OrderEvent(Id, i + 1, OrderEvent.KindOf(change.Status), change.At))
        .Skip(sequence);

    public OrderEvent Event(int sequence) => EventsAfter(sequence - 1).First();

    public OrderView ToView() => new(
        Id, UserId, Status, Items.Select(i => new OrderLine(i.ProductId, i.Name, i.UnitPrice, i.Quantity)).ToList(),
        Subtotal, ShippingFee, ShippingAddress.ToContract(), Note,
        Payment is { } p ? new PaymentInfo(p.Id, p.Method, p.Last4, p.PaidAt) : null,
        Shipment is { } s ? new ShipmentInfo(s.Carrier, s.TrackingNumber, s.ShippedAt) : null,
        History.Select(h => new StatusChange(h.Status, h.At)).ToList(), CreatedAt, PaymentDeadline);
}

[GenerateSerializer, Immutable, Alias("shop.OrderLine")]
public sealed record StoredOrderLine(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string Name,
    [property: Id(2)] long UnitPrice,
    [property: Id(3)] int Quantity)
{
    public long LineTotal => UnitPrice * Quantity;
}

[GenerateSerializer, Immutable, Alias("shop.PaymentInfo")]
public sealed record StoredPayment(
    [property: Id(0)] string Id,
    [property: Id(1)] string Method,
    [property: Id(2)] string Last4,
    [property: Id(3)] DateTimeOffset PaidAt);

[GenerateSerializer, Immutable, Alias("shop.ShipmentInfo")]
public sealed record StoredShipment(
    [property: Id(0)] string Carrier,
    [property: Id(1)] string TrackingNumber,
    [property: Id(2)] DateTimeOffset ShippedAt);

[GenerateSerializer, Immutable, Alias("shop.StatusChange")]
public sealed record StoredStatusChange(
    [property: Id(0)] OrderStatus Status,
    [property: Id(1)] DateTimeOffset At);

/// <summary>A checkout's plan: what the cart held when it started.</summary>
[GenerateSerializer, Immutable, Alias("shop.PlaceOrder")]
public sealed record StoredCheckout(
    [property: Id(0)] string UserId,
    [property: Id(1)] IReadOnlyList<StoredCartLine> Lines,
    [property: Id(2)] StoredAddress ShippingAddress,
    [property: Id(3)] string? Note)
{
    public static StoredCheckout From(PlaceOrder order) => new(
        order.UserId, order.Lines.Select(StoredCartLine.From).ToList(), StoredAddress.From(order.ShippingAddress), order.Note);
}
