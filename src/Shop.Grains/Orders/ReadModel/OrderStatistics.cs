namespace Shop.Grains.Orders.ReadModel;

/// <summary>One line of an order as the dashboard counts it: <see cref="Amount"/> is the line's total.</summary>
public sealed record OrderRowLine(string ProductId, string Name, int Quantity, long Amount);

/// <summary>Orders placed on one day of the shop's calendar, and the revenue of those of them that were paid.</summary>
public sealed record DailySales(DateOnly Day, int Orders, long Revenue);

/// <summary>A product's units and revenue over the paid orders of a range.</summary>
public sealed record ProductSales(string ProductId, string Name, long Units, long Revenue);

public enum ProductSalesRanking
{
    Units,
    Revenue,
}

/// <summary>
/// The admin dashboard's numbers, computed by the store from the order read model (never by asking
/// grains): exact for the stored rows, and each one query on an index of the read model.
/// </summary>
public interface IOrderStatistics
{
    /// <summary>Every day from <paramref name="first"/> to <paramref name="last"/> (inclusive) in the zone, days without orders as zeros.</summary>
    Task<IReadOnlyList<DailySales>> Daily(DateOnly first, DateOnly last, TimeZoneInfo zone, CancellationToken cancellationToken = default);

    /// <summary>How many orders are in each status now (statuses without orders are left out).</summary>
    Task<IReadOnlyDictionary<OrderStatus, int>> CountByStatus(CancellationToken cancellationToken = default);

    /// <summary>The best-selling products of the paid orders placed in [from, to).</summary>
    Task<IReadOnlyList<ProductSales>> TopProducts(
        DateTimeOffset from, DateTimeOffset to, ProductSalesRanking by, int take, CancellationToken cancellationToken = default);
}

/// <summary>The rules every store's statistics share.</summary>
public static class SalesRules
{
    /// <summary>
    /// Revenue is what paid orders brought in and still bring: paid, shipped or delivered. Refunded
    /// and cancelled orders count as orders placed, not as revenue.
    /// </summary>
    public static readonly IReadOnlyList<OrderStatus> RevenueStatuses = [OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered];

    public static bool IsRevenue(OrderStatus status) => RevenueStatuses.Contains(status);

    /// <summary>The UTC instants where the zone's days <paramref name="first"/> and the one after <paramref name="last"/> begin.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Range(DateOnly first, DateOnly last, TimeZoneInfo zone) =>
        (StartOf(first, zone), StartOf(last.AddDays(1), zone));

    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a clock change skips midnight, the day begins at the first time that exists.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>Fills the days a store found no order on with zeros, in day order.</summary>
    public static IReadOnlyList<DailySales> EveryDay(DateOnly first, DateOnly last, IEnumerable<DailySales> found)
    {
        var byDay = found.ToDictionary(d => d.Day);
        var days = new List<DailySales>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(byDay.GetValueOrDefault(day) ?? new DailySales(day, 0, 0));
        }

        return days;
    }
}
