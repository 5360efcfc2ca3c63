using Shop.Api.Features.Users;
using Shop.Grains.Orders;

namespace Shop.Api.Features.Orders;

// The JSON of an order (API.md's `order`), mapped from the grain contract at the edge, so the
// contract and the stored state can change without changing what clients read.

public sealed record OrderResponse(
    string Id,
    string UserId,
    OrderStatus Status,
    IReadOnlyList<OrderLineResponse> Items,
    long Subtotal,
    long ShippingFee,
    AddressResponse ShippingAddress,
    string? Note,
    PaymentResponse? Payment,
    ShipmentResponse? Shipment,
    IReadOnlyList<StatusChangeResponse> History,
    DateTimeOffset CreatedAt,
    DateTimeOffset PaymentDeadline,
    long Total)
{
    public static OrderResponse From(OrderView o) => new(
        o.Id, o.UserId, o.Status,
        o.Items.Select(i => new OrderLineResponse(i.ProductId, i.Name, i.UnitPrice, i.Quantity, i.LineTotal)).ToList(),
        o.Subtotal, o.ShippingFee, AddressResponse.From(o.ShippingAddress), o.Note,
        o.Payment is { } p ? new PaymentResponse(p.Id, p.Method, p.Last4, p.PaidAt) : null,
        o.Shipment is { } s ? new ShipmentResponse(s.Carrier, s.TrackingNumber, s.ShippedAt) : null,
        o.History.Select(h => new StatusChangeResponse(h.Status, h.At)).ToList(),
        o.CreatedAt, o.PaymentDeadline, o.Total);
}

public sealed record OrderLineResponse(string ProductId, string Name, long UnitPrice, int Quantity, long LineTotal);

public sealed record PaymentResponse(string Id, string Method, string Last4, DateTimeOffset PaidAt);

public sealed record ShipmentResponse(string Carrier, string TrackingNumber, DateTimeOffset ShippedAt);

public sealed record StatusChangeResponse(OrderStatus Status, DateTimeOffset At);
