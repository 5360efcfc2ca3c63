using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;
using Shop.Grains.Orders;
using Shop.Grains.Orders.ReadModel;

namespace Shop.Api.Features.Admin;

/// <summary>The query of GET /api/admin/orders, checked by the request validation.</summary>
public sealed record AdminOrderQuery : PageQuery, IValidatableObject
{
    [RegularExpression("^(?i:PendingPayment|Paid|Shipped|Delivered|Cancelled|Refunded)$",
        ErrorMessage = "status must be one of: PendingPayment, Paid, Shipped, Delivered, Cancelled, Refunded.")]
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    /// <summary>Orders placed at or after this time (ISO 8601).</summary>
    [FromQuery(Name = "from")]
    public DateTimeOffset? From { get; init; }

    /// <summary>Orders placed before this time (ISO 8601).</summary>
    [FromQuery(Name = "to")]
    public DateTimeOffset? To { get; init; }

    /// <summary>The customer's email, exactly (any case).</summary>
    [MaxLength(320, ErrorMessage = "email may be at most 320 characters.")]
    [FromQuery(Name = "email")]
    public string? Email { get; init; }

    /// <summary>The start of the order number shoppers see (8 letters and digits).</summary>
    [RegularExpression("^[0-9A-Za-z]{1,8}$", ErrorMessage = "q must be 1 to 8 letters or digits of an order number.")]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [RegularExpression("^(createdAt|total)$", ErrorMessage = "sort must be createdAt or total.")]
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    [RegularExpression("^(asc|desc)$", ErrorMessage = "order must be asc or desc.")]
    [FromQuery(Name = "order")]
    public string? Order { get; init; }

    /// <summary>The previous page's nextCursor: continues after it (page is then ignored).</summary>
    [MaxLength(200, ErrorMessage = "cursor is not one this shop gave.")]
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    public OrderRowQuery ToRowQuery() => new(
        string.IsNullOrEmpty(Status) ? null : Enum.Parse<OrderStatus>(Status, ignoreCase: true),
        From, To,
        string.IsNullOrWhiteSpace(Email) ? null : ShopIds.NormalizeEmail(Email),
        Q?.ToUpperInvariant(),
        Sort == "total" ? OrderSortField.Total : OrderSortField.CreatedAt,
        Order != "asc",
        Cursor is null ? null : OrderCursor.Parse(Cursor),
        Skip, Size);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Cursor is not null && OrderCursor.Parse(Cursor) is null)
        {
            yield return new ValidationResult("cursor is not one this shop gave.", [nameof(Cursor)]);
        }

        if (From >= To)
        {
            yield return new ValidationResult("to must be after from.", [nameof(To)]);
        }
    }
}
