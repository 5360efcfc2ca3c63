using System.Collections.Concurrent;

namespace Shop.Grains.Orders.ReadModel;

/// <summary>
/// The admin order list in this process's memory, for the embedded shop on memory storage (and the
/// grain tests): gone when the process stops, as the orders are.
/// </summary>
public sealed class MemoryOrderReadModel : IOrderReadModel
{
    private readonly ConcurrentDictionary<string, OrderRow> _rows = new();

    /// <summary>Every row as it is now (for <see cref="MemoryOrderStatistics"/>).</summary>
    internal ICollection<OrderRow> Rows => _rows.Values;

    public Task Upsert(OrderRow row, CancellationToken cancellationToken = default)
    {
        _rows.AddOrUpdate(row.OrderId, row, (_, known) => known.Version >= row.Version ? known : row);
        return Task.CompletedTask;
    }

    public Task<OrderRowPage> Query(OrderRowQuery query, CancellationToken cancellationToken = default)
    {
        long Key(OrderRow r) => query.SortBy == OrderSortField.Total ? r.Total : r.CreatedAt.UtcTicks;
        var matching = _rows.Values.Where(r =>
            (query.Status is not { } status || r.Status == status)
            && (query.From is not { } from || r.CreatedAt >= from)
            && (query.To is not { } to || r.CreatedAt < to)
            && (query.Email is not { } email || r.Email == email)
            && (query.NumberPrefix is not { } prefix || r.Number.StartsWith(prefix, StringComparison.Ordinal)));
        var ordered = query.Descending
            ? matching.OrderByDescending(Key).ThenByDescending(r => r.OrderId, StringComparer.Ordinal)
            : matching.OrderBy(Key).ThenBy(r => r.OrderId, StringComparer.Ordinal);
        var all = ordered.ToList();
        int Versus(OrderRow r, OrderCursor c) => Key(r) != c.SortValue ? Key(r).CompareTo(c.SortValue) : string.CompareOrdinal(r.OrderId, c.OrderId);
        var start = query.Cursor is { } cursor
            ? all.FindIndex(r => query.Descending ? Versus(r, cursor) < 0 : Versus(r, cursor) > 0)
            : query.Skip;
        var rows = start < 0 ? [] : all.Skip(start).Take(query.Take).ToList();
        var more = start >= 0 && start + rows.Count < all.Count;
        var next = more && rows.Count > 0 ? OrderCursor.After(rows[^1], query.SortBy) : null;
        return Task.FromResult(new OrderRowPage(rows, next, Math.Min(all.Count, OrderReadModels.MaxCount)));
    }
}
