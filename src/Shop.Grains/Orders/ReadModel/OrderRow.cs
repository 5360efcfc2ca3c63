using System.Globalization;
using System.Text;

namespace Shop.Grains.Orders.ReadModel;

/// <summary>
/// One order as the admin list reads it: a projection of the order's events, written by the order
/// grain after each change and kept at the highest <see cref="Version"/> (the number of events), so
/// a replay or a retry never duplicates or turns a row back. <see cref="Lines"/> never change after
/// placement; rows written before they were projected gain them with the order's next change.
/// </summary>
public sealed record OrderRow(
    string OrderId,
    string Number,
    string UserId,
    string Email,
    OrderStatus Status,
    long Total,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    IReadOnlyList<OrderRowLine>? Lines = null)
{
    public IReadOnlyList<OrderRowLine> Lines { get; init; } = Lines ?? [];

    /// <summary>The short number shoppers see: the last 8 characters of the id, upper case.</summary>
    public static string NumberOf(string orderId) => orderId[^8..].ToUpperInvariant();
}

public enum OrderSortField
{
    CreatedAt,
    Total,
}

/// <summary>
/// A question to the admin list. Every filter is optional; <see cref="From"/> is inclusive and
/// <see cref="To"/> exclusive; <see cref="NumberPrefix"/> matches the start of the order number.
/// A <see cref="Cursor"/> (from the previous page) continues after its row; otherwise
/// <see cref="Skip"/> rows are skipped.
/// </summary>
public sealed record OrderRowQuery(
    OrderStatus? Status = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Email = null,
    string? NumberPrefix = null,
    OrderSortField SortBy = OrderSortField.CreatedAt,
    bool Descending = true,
    OrderCursor? Cursor = null,
    int Skip = 0,
    int Take = 20);

/// <summary>
/// A page of rows; <see cref="NextCursor"/> is null on the last page. <see cref="Total"/> counts the
/// matching rows up to <see cref="OrderReadModels.MaxCount"/>: a bounded cost at any size.
/// </summary>
public sealed record OrderRowPage(IReadOnlyList<OrderRow> Rows, OrderCursor? NextCursor, int Total);

/// <summary>Where a page ended: the sort value and id of its last row.</summary>
public sealed record OrderCursor(long SortValue, string OrderId)
{
    public static OrderCursor After(OrderRow row, OrderSortField sortBy) =>
        new(sortBy == OrderSortField.Total ? row.Total : row.CreatedAt.UtcTicks, row.OrderId);

    public override string ToString() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SortValue.ToString(CultureInfo.InvariantCulture)}|{OrderId}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Null when the text is not a cursor this shop made.</summary>
    public static OrderCursor? Parse(string text)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4))).Split('|');
            return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                && parts[1].Length is > 0 and <= 64
                ? new OrderCursor(value, parts[1])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>The admin order list: written by order grains, read by API nodes (PostgreSQL, MongoDB, or memory).</summary>
public interface IOrderReadModel
{
    /// <summary>Writes the row unless a row of the same or a later version is there already.</summary>
    Task Upsert(OrderRow row, CancellationToken cancellationToken = default);

    Task<OrderRowPage> Query(OrderRowQuery query, CancellationToken cancellationToken = default);
}

public static class OrderReadModels
{
    /// <summary>Counts stop here: "10,000+" is what a page shows beyond.</summary>
    public const int MaxCount = 10_000;
}
