using Shop.Grains.Orders;

namespace Shop.Api.Features.Admin;

/// <summary>
/// Pages through the admin order list, which is sharded by month and by bucket: months newest
/// first, skipping whole months by their counts, then merging the newest rows of a month's shards.
/// </summary>
public static class AdminOrderList
{
    public static async Task<(IReadOnlyList<string> Ids, int Total)> PageAsync(IGrainFactory grains, OrderStatus? status, int skip, int take)
    {
        var months = await grains.GetGrain<IOrderMonthsGrain>(0).GetMonths();
        var counts = await Task.WhenAll(months.Select(m => CountMonth(grains, m, status)));
        var ids = new List<string>();
        foreach (var (month, count) in months.Zip(counts))
        {
            if (ids.Count == take)
            {
                break;
            }

            if (skip >= count)
            {
                skip -= count;
                continue;
            }

            // Each shard's newest skip+need rows hold the month's newest skip+need rows between them.
            var need = take - ids.Count;
            var rows = await Task.WhenAll(OrderIndexKeys.OfMonth(month).Select(k => grains.GetGrain<IOrderIndexGrain>(k).Newest(status, skip + need)));
            ids.AddRange(rows.SelectMany(r => r).Order(OrderIndexEntry.NewestFirst).Skip(skip).Take(need).Select(e => e.OrderId));
            skip = 0;
        }

        return (ids, counts.Sum());
    }

    private static async Task<int> CountMonth(IGrainFactory grains, string month, OrderStatus? status) =>
        (await Task.WhenAll(OrderIndexKeys.OfMonth(month).Select(k => grains.GetGrain<IOrderIndexGrain>(k).Count(status)))).Sum();
}
