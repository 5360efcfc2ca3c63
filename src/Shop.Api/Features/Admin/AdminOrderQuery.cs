using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Shop.Api.Infrastructure;
using Shop.Grains.Orders;

namespace Shop.Api.Features.Admin;

/// <summary>The query of GET /api/admin/orders, checked by the request validation.</summary>
public sealed record AdminOrderQuery : PageQuery
{
    [RegularExpression("^(?i:PendingPayment|Paid|Shipped|Delivered|Cancelled|Refunded)$",
        ErrorMessage = "status must be one of: PendingPayment, Paid, Shipped, Delivered, Cancelled, Refunded.")]
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    /// <summary>The status asked for, or null for every order.</summary>
    public OrderStatus? Wanted => string.IsNullOrEmpty(Status) ? null : Enum.Parse<OrderStatus>(Status, ignoreCase: true);
}
