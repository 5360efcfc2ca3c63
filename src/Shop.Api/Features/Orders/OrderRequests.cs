using System.ComponentModel.DataAnnotations;
using Shop.Api.Infrastructure;
using Shop.Api.Features.Users;

namespace Shop.Api.Features.Orders;

/// <param name="ExpectedTotal">The total the shopper was shown, in fen; when prices changed since, the order is refused with 409 order.total_changed.</param>
public sealed record CreateOrderRequest(
    [property: Required] AddressRequest ShippingAddress,
    [property: MaxLength(500), PlainText(Multiline = true)] string? Note = null,
    [property: Range(0, long.MaxValue)] long? ExpectedTotal = null);

public sealed record PayOrderRequest(
    [property: Required, RegularExpression("^card$", ErrorMessage = "method must be \"card\".")] string Method,
    [property: Required, MaxLength(30)] string CardNumber);

public sealed record ShipOrderRequest(
    [property: Required, MaxLength(50), PlainText] string Carrier,
    [property: Required, MaxLength(50), PlainText] string TrackingNumber);

public sealed record PaymentWebhookEvent(
    [property: Required, MaxLength(100)] string PaymentId,
    [property: Required, MaxLength(64)] string OrderId,
    [property: Required, RegularExpression("^(succeeded|failed)$", ErrorMessage = "status must be succeeded or failed.")] string Status,
    [property: Required, Range(0, long.MaxValue)] long? Amount);
