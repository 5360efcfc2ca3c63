using Shop.Grains.Orders.ReadModel;

namespace Shop.Api.Features.Dashboard;

/// <summary>The admin dashboard's first screen; money in fen, days in <see cref="TimeZone"/>.</summary>
public sealed record DashboardResponse(
    string TimeZone,
    DaySales Today,
    DaySales Yesterday,
    IReadOnlyDictionary<string, int> OrdersByStatus,
    IReadOnlyList<DaySales> Last30Days,
    LowStockList LowStock,
    IReadOnlyList<UnpaidOrder> ExpiringUnpaid);

/// <summary>Orders placed on a day, and the revenue of those that were paid (and not refunded).</summary>
public sealed record DaySales(DateOnly Day, int Orders, long Revenue)
{
    public static DaySales From(DailySales d) => new(d.Day, d.Orders, d.Revenue);
}

/// <summary>Products at or below their threshold, lowest stock first; <see cref="Total"/> counts all of them.</summary>
public sealed record LowStockList(IReadOnlyList<LowStockProduct> Items, int Total);

public sealed record LowStockProduct(string Id, string Name, int Stock, int Threshold);

/// <summary>An order waiting for payment, soonest deadline first.</summary>
public sealed record UnpaidOrder(string Id, string Number, string Email, long Total, DateTimeOffset CreatedAt, DateTimeOffset PaymentDeadline);

public sealed record TopProductsResponse(DateOnly From, DateOnly To, string TimeZone, string By, IReadOnlyList<TopProduct> Items);

/// <summary>A best seller of the paid orders placed in the range; the name is the catalog's current one.</summary>
public sealed record TopProduct(string Id, string Name, long Units, long Revenue);
