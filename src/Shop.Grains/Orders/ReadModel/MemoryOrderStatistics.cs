namespace Shop.Grains.Orders.ReadModel;

/// <summary>The dashboard's numbers over the rows of a <see cref="MemoryOrderReadModel"/> (a scan: fine for what fits in memory).</summary>
public sealed class MemoryOrderStatistics(MemoryOrderReadModel orders) : IOrderStatistics
{
    public Task<IReadOnlyList<DailySales>> Daily(DateOnly first, DateOnly last, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var (from, to) = SalesRules.Range(first, last, zone);
        var found = orders.Rows
            .Where(r => r.CreatedAt >= from && r.CreatedAt < to)
            .GroupBy(r => SalesRules.DayOf(r.CreatedAt, zone))
            .Select(g => new DailySales(g.Key, g.Count(), g.Where(r => SalesRules.IsRevenue(r.Status)).Sum(r => r.Total)));
        return Task.FromResult(SalesRules.EveryDay(first, last, found));
    }

    public Task<IReadOnlyDictionary<OrderStatus, int>> CountByStatus(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<OrderStatus, int>>(orders.Rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()));

    public Task<IReadOnlyList<ProductSales>> TopProducts(
        DateTimeOffset from, DateTimeOffset to, ProductSalesRanking by, int take, CancellationToken cancellationToken = default)
    {
        var sales = orders.Rows
            .Where(r => r.CreatedAt >= from && r.CreatedAt < to && SalesRules.IsRevenue(r.Status))
            .SelectMany(r => r.Lines)
            .GroupBy(l => l.ProductId)
            .Select(g => new ProductSales(g.Key, g.Select(l => l.Name).Min(StringComparer.Ordinal)!, g.Sum(l => (long)l.Quantity), g.Sum(l => l.Amount)));
        var ranked = by == ProductSalesRanking.Units
            ? sales.OrderByDescending(s => s.Units).ThenByDescending(s => s.Revenue)
            : sales.OrderByDescending(s => s.Revenue).ThenByDescending(s => s.Units);
        return Task.FromResult<IReadOnlyList<ProductSales>>(ranked.ThenBy(s => s.ProductId, StringComparer.Ordinal).Take(take).ToList());
    }
}
