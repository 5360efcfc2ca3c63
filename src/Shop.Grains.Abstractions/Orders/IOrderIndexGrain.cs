namespace Shop.Grains.Orders;

/// <summary>
/// The admin list of orders for one month (key "yyyy-MM"), so no index grain grows without bound.
/// </summary>
public interface IOrderIndexGrain : IGrainWithStringKey
{
    Task Upsert(OrderIndexEntry entry);

    [ReadOnly]
    Task<int> Count(OrderStatus? status);

    /// <summary>Order ids newest first, optionally of one status.</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> Page(OrderStatus? status, int skip, int take);
}

/// <summary>The months that have orders (key 0), newest first.</summary>
public interface IOrderMonthsGrain : IGrainWithIntegerKey
{
    Task Add(string month);

    [ReadOnly]
    Task<IReadOnlyList<string>> GetMonths();
}
