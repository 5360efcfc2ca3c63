namespace Shop.Grains.Orders;

/// <summary>
/// One shard of the admin order list: the orders of one month whose id falls in one of
/// <see cref="OrderIndexKeys.Shards"/> buckets (key "yyyy-MM/b"). Sharding keeps each grain's
/// stored state small and spreads the writes of a busy month over several activations.
/// </summary>
public interface IOrderIndexGrain : IGrainWithStringKey
{
    /// <summary>
    /// One-way: an order never waits on the admin list. A lost update is repaired by the order's
    /// next change, which sends the whole row again.
    /// </summary>
    [OneWay]
    Task Upsert(OrderIndexEntry entry);

    [ReadOnly]
    Task<int> Count(OrderStatus? status);

    /// <summary>The newest <paramref name="take"/> rows, optionally of one status.</summary>
    [ReadOnly]
    Task<IReadOnlyList<OrderIndexEntry>> Newest(OrderStatus? status, int take);
}

/// <summary>The months that have orders (key 0), newest first.</summary>
public interface IOrderMonthsGrain : IGrainWithIntegerKey
{
    Task Add(string month);

    [ReadOnly]
    Task<IReadOnlyList<string>> GetMonths();
}

public static class OrderIndexKeys
{
    public const int Shards = 16;

    public static string Month(DateTimeOffset createdAt) =>
        createdAt.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The shard of an order: its month and the last hex digit of its (random-tailed) id.</summary>
    public static string For(string orderId, DateTimeOffset createdAt) =>
        $"{Month(createdAt)}/{Convert.ToInt32(orderId[^1..], 16) % Shards:x}";

    public static IEnumerable<string> OfMonth(string month) => Enumerable.Range(0, Shards).Select(b => $"{month}/{b:x}");
}
