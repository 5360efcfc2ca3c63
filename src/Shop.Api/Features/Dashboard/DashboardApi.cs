using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Features.Auth;
using Shop.Api.Features.Catalog;
using Shop.Grains.Catalog;
using Shop.Grains.Common;
using Shop.Grains.Orders;
using Shop.Grains.Orders.ReadModel;

namespace Shop.Api.Features.Dashboard;

/// <summary>
/// The admin dashboard. Every number comes from the order read model's statistics or this node's
/// catalog snapshot; grains are asked only for the few unpaid orders shown, for their deadlines.
/// </summary>
public static class DashboardApi
{
    private const int LowStockShown = 20;
    private const int UnpaidShown = 10;
    private const int TopShown = 10;

    public static RouteGroupBuilder MapDashboardApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/dashboard").WithTags("Admin").RequireAuthorization(AuthenticationSetup.AdminPolicy);
        group.MapGet("/", Get);
        group.MapGet("/top-products", TopProducts);
        return group;
    }

    public static async Task<Ok<DashboardResponse>> Get(
        [AsParameters] DashboardQuery query, IOrderStatistics statistics, IOrderReadModel orders, CatalogSnapshot catalog,
        IGrainFactory grains, TimeProvider clock, CancellationToken cancellationToken)
    {
        var zone = query.Zone;
        var today = SalesRules.DayOf(clock.GetUtcNow(), zone);
        var daily = statistics.Daily(today.AddDays(-29), today, zone, cancellationToken);
        var byStatus = statistics.CountByStatus(cancellationToken);
        var unpaid = ExpiringUnpaid(orders, grains, cancellationToken);
        var lowStock = LowStock(await catalog.GetEntries(cancellationToken));

        var days = (await daily).Select(DaySales.From).ToList();
        var counts = await byStatus;
        return TypedResults.Ok(new DashboardResponse(
            zone.Id, days[^1], days[^2],
            Enum.GetValues<OrderStatus>().ToDictionary(s => s.ToString(), s => counts.GetValueOrDefault(s)),
            days, lowStock, await unpaid));
    }

    public static async Task<Ok<TopProductsResponse>> TopProducts(
        [AsParameters] TopProductsQuery query, IOrderStatistics statistics, CatalogSnapshot catalog, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var zone = query.Zone;
        var today = SalesRules.DayOf(clock.GetUtcNow(), zone);
        var to = query.To ?? (query.From is { } first ? first.AddDays(29) : today);
        var from = query.From ?? to.AddDays(-29);
        var by = query.By == "revenue" ? ProductSalesRanking.Revenue : ProductSalesRanking.Units;
        var (start, end) = SalesRules.Range(from, to, zone);
        var top = await statistics.TopProducts(start, end, by, TopShown, cancellationToken);
        var entries = await catalog.GetEntries(cancellationToken);
        return TypedResults.Ok(new TopProductsResponse(from, to, zone.Id, by == ProductSalesRanking.Units ? "units" : "revenue",
            [.. top.Select(p => new TopProduct(p.ProductId, entries.TryGetValue(p.ProductId, out var e) ? e.Name : p.Name, p.Units, p.Revenue))]));
    }

    private static LowStockList LowStock(IReadOnlyDictionary<string, CatalogEntry> entries)
    {
        var low = entries.Values.Where(e => !e.Archived && Grains.Catalog.LowStock.IsLow(e.Stock, e.LowStockThreshold)).ToList();
        var shown = low.OrderBy(e => e.Stock).ThenBy(e => e.Id, StringComparer.Ordinal).Take(LowStockShown)
            .Select(e => new LowStockProduct(e.Id, e.Name, e.Stock, e.LowStockThreshold ?? Grains.Catalog.LowStock.DefaultThreshold));
        return new LowStockList([.. shown], low.Count);
    }

    /// <summary>The oldest orders waiting for payment are the next to expire (every order has the same time to pay).</summary>
    private static async Task<IReadOnlyList<UnpaidOrder>> ExpiringUnpaid(IOrderReadModel orders, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var page = await orders.Query(new OrderRowQuery(Status: OrderStatus.PendingPayment, Descending: false, Take: UnpaidShown), cancellationToken);
        var views = await Task.WhenAll(page.Rows.Select(r => grains.Get<IOrderGrain>(r.OrderId).Get()));
        return
        [
            .. page.Rows.Zip(views)
                .Where(pair => pair.Second is { Status: OrderStatus.PendingPayment })
                .Select(pair => new UnpaidOrder(pair.First.OrderId, pair.First.Number, pair.First.Email, pair.First.Total,
                    pair.First.CreatedAt, pair.Second!.PaymentDeadline)),
        ];
    }
}
