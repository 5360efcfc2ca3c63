using Shop.Grains.Carts;
using Shop.Grains.Common;

namespace Shop.Grains.Orders;

/// <summary>Stored by number: append new statuses, never reorder.</summary>
[GenerateSerializer, Alias("shop.OrderStatus")]
public enum OrderStatus
{
    PendingPayment,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
    Refunded,
}

[GenerateSerializer, Immutable, Alias("shop.contract.OrderLine")]
public sealed record OrderLine(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string Name,
    [property: Id(2)] long UnitPrice,
    [property: Id(3)] int Quantity)
{
    public long LineTotal => UnitPrice * Quantity;
}

[GenerateSerializer, Immutable, Alias("shop.contract.PaymentInfo")]
public sealed record PaymentInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Method,
    [property: Id(2)] string Last4,
    [property: Id(3)] DateTimeOffset PaidAt);

[GenerateSerializer, Immutable, Alias("shop.contract.ShipmentInfo")]
public sealed record ShipmentInfo(
    [property: Id(0)] string Carrier,
    [property: Id(1)] string TrackingNumber,
    [property: Id(2)] DateTimeOffset ShippedAt);

[GenerateSerializer, Immutable, Alias("shop.contract.StatusChange")]
public sealed record StatusChange(
    [property: Id(0)] OrderStatus Status,
    [property: Id(1)] DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("shop.contract.OrderView")]
public sealed record OrderView(
    [property: Id(0)] string Id,
    [property: Id(1)] string UserId,
    [property: Id(2)] OrderStatus Status,
    [property: Id(3)] IReadOnlyList<OrderLine> Items,
    [property: Id(4)] long Subtotal,
    [property: Id(5)] long ShippingFee,
    [property: Id(6)] Address ShippingAddress,
    [property: Id(7)] string? Note,
    [property: Id(8)] PaymentInfo? Payment,
    [property: Id(9)] ShipmentInfo? Shipment,
    [property: Id(10)] IReadOnlyList<StatusChange> History,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset PaymentDeadline)
{
    public long Total => Subtotal + ShippingFee;
}

[GenerateSerializer, Immutable, Alias("shop.contract.PlaceOrder")]
public sealed record PlaceOrder(
    [property: Id(0)] string UserId,
    [property: Id(1)] IReadOnlyList<CartLine> Lines,
    [property: Id(2)] Address ShippingAddress,
    [property: Id(3)] string? Note,
    [property: Id(4)] long? ExpectedTotal = null);

[GenerateSerializer, Immutable, Alias("shop.CardPayment")]
public sealed record CardPayment(
    [property: Id(0)] string CardNumber,
    [property: Id(1)] string IdempotencyKey);

/// <summary>A payment provider's event as the signed webhook delivers it.</summary>
[GenerateSerializer, Immutable, Alias("shop.PaymentEvent")]
public sealed record PaymentEvent(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] string Status,
    [property: Id(2)] long Amount);

/// <summary>A checkout's result: the order, and whether this call created it (false for a replayed key).</summary>
[GenerateSerializer, Immutable, Alias("shop.PlacedOrder")]
public sealed record PlacedOrder(
    [property: Id(0)] OrderView Order,
    [property: Id(1)] bool IsNew);

[GenerateSerializer, Immutable, Alias("shop.IdPage")]
public sealed record IdPage(
    [property: Id(0)] IReadOnlyList<string> Ids,
    [property: Id(1)] int Total);
