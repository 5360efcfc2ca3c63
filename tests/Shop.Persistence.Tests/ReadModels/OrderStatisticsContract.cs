using Npgsql;
using Shop.Grains.Orders;
using Shop.Grains.Orders.ReadModel;
using Shop.Persistence.Tests.Mongo;
using Shop.Silo.Migrations;
using Shop.Silo.Persistence.Mongo;
using Shop.Silo.ReadModels;

namespace Shop.Persistence.Tests.ReadModels;

public sealed class MemoryOrderStatisticsTests : OrderStatisticsContract
{
    protected override Task<(IOrderReadModel, IOrderStatistics)> CreateAsync()
    {
        var rows = new MemoryOrderReadModel();
        return Task.FromResult<(IOrderReadModel, IOrderStatistics)>((rows, new MemoryOrderStatistics(rows)));
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresOrderStatisticsTests(PostgresFixture postgres) : OrderStatisticsContract
{
    protected override async Task<(IOrderReadModel, IOrderStatistics)> CreateAsync()
    {
        var connection = await postgres.NewDatabase("stats");
        await new PostgresMigrator(connection, TextWriter.Null).MigrateAsync();
        var database = NpgsqlDataSource.Create(connection);
        return (new PostgresOrderReadModel(database), new PostgresOrderStatistics(database));
    }
}

[Collection(MongoCollection.Name)]
public sealed class MongoOrderStatisticsTests(MongoFixture mongo) : OrderStatisticsContract
{
    protected override async Task<(IOrderReadModel, IOrderStatistics)> CreateAsync()
    {
        var connection = new MongoConnection(MongoSettings.Parse(mongo.NewDatabaseUri("stats")), "shop-tests", TimeSpan.FromSeconds(10));
        await new MongoMigrator(connection.Database, TextWriter.Null, "shop").MigrateAsync();
        return (new MongoOrderReadModel(connection), new MongoOrderStatistics(connection));
    }
}

/// <summary>
/// The dashboard's numbers from every store, compared with a count made here by hand over the rows
/// written: days in the shop's zone, revenue only from paid orders at their latest version.
/// </summary>
public abstract class OrderStatisticsContract
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // 2026-12-01 16:30 UTC is 00:30 on 2026-12-02 in Shanghai: the zone, not UTC, decides the day.
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 16, 30, 0, TimeSpan.Zero);

    protected abstract Task<(IOrderReadModel Rows, IOrderStatistics Statistics)> CreateAsync();

    [SkippableFact]
    public async Task Days_statuses_and_best_sellers_match_the_orders_written()
    {
        var (rows, statistics) = await CreateAsync();
        var written = Sample();
        foreach (var row in written)
        {
            await rows.Upsert(row);
        }

        // Two orders change later: a refund takes revenue away, a payment adds it.
        var latest = written.ToDictionary(r => r.OrderId);
        foreach (var (index, status) in new[] { (2, OrderStatus.Refunded), (5, OrderStatus.Paid) })
        {
            var changed = written[index] with { Status = status, Version = written[index].Version + 1 };
            await rows.Upsert(changed);
            latest[changed.OrderId] = changed;
        }

        await rows.Upsert(written[7] with { Status = OrderStatus.Cancelled, Version = 0 }); // older than stored: ignored

        var days = await statistics.Daily(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 5), Shanghai);
        Assert.Equal(
            [
                (new DateOnly(2026, 12, 1), 0, 0L),
                (new DateOnly(2026, 12, 2), 8, ExpectRevenue(latest.Values, 0, 8)),
                (new DateOnly(2026, 12, 3), 8, ExpectRevenue(latest.Values, 8, 16)),
                (new DateOnly(2026, 12, 4), 8, ExpectRevenue(latest.Values, 16, 24)),
                (new DateOnly(2026, 12, 5), 0, 0L),
            ],
            days.Select(d => (d.Day, d.Orders, d.Revenue)));
        Assert.True(days[1].Revenue > 0 && days[2].Revenue > 0, "the sample has paid orders on each day");

        var byStatus = await statistics.CountByStatus();
        Assert.Equal(
            latest.Values.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())),
            byStatus.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));

        var (from, to) = (T0, T0.AddDays(2)); // the first two days
        foreach (var by in new[] { ProductSalesRanking.Units, ProductSalesRanking.Revenue })
        {
            var top = await statistics.TopProducts(from, to, by, take: 3);
            Assert.Equal(ExpectTop(latest.Values.Where(r => r.CreatedAt >= from && r.CreatedAt < to), by).Take(3), top);
        }
    }

    [SkippableFact]
    public async Task A_row_written_without_lines_gains_them_with_its_next_version()
    {
        var (rows, statistics) = await CreateAsync();
        var row = Sample()[0] with { Status = OrderStatus.Paid };
        await rows.Upsert(row with { Lines = [] });
        Assert.Empty(await statistics.TopProducts(T0, T0.AddDays(1), ProductSalesRanking.Units, 10));

        await rows.Upsert(row with { Status = OrderStatus.Shipped, Version = row.Version + 1 });
        await rows.Upsert(row with { Status = OrderStatus.Shipped, Version = row.Version + 1 }); // a replay adds nothing

        var top = await statistics.TopProducts(T0, T0.AddDays(1), ProductSalesRanking.Units, 10);
        Assert.Equal(ExpectTop([row], ProductSalesRanking.Units), top);
    }

    /// <summary>
    /// 24 orders over three Shanghai days (8 a day, 3 hours apart), statuses in turn, one to three
    /// lines of five products, so the rankings by units and by revenue differ.
    /// </summary>
    private static List<OrderRow> Sample()
    {
        OrderStatus[] statuses = [OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.PendingPayment, OrderStatus.Cancelled, OrderStatus.Refunded];
        long[] prices = [1000, 2500, 99, 40000, 1500];
        return
        [
            .. Enumerable.Range(0, 24).Select(i =>
            {
                var lines = Enumerable.Range(0, 1 + i % 3)
                    .Select(k => (i + 2 * k) % 5)
                    .Select(p => new OrderRowLine($"p-{p}", $"产品 {p}", Quantity: 1 + (i + p) % 4, Amount: prices[p] * (1 + (i + p) % 4)))
                    .ToList();
                var id = $"0193bbbb00000000000000000000{i:x4}";
                var at = T0.AddHours(3 * i);
                return new OrderRow(id, OrderRow.NumberOf(id), "user-" + (i % 4), $"c{i % 4}@shop.test", statuses[i % statuses.Length],
                    lines.Sum(l => l.Amount), at, at, Version: 1, lines);
            }),
        ];
    }

    private static long ExpectRevenue(IEnumerable<OrderRow> latest, int first, int end) =>
        latest.Where(r => int.Parse(r.OrderId[^4..], System.Globalization.NumberStyles.HexNumber) is var i && i >= first && i < end)
            .Where(r => r.Status is OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Delivered)
            .Sum(r => r.Total);

    private static List<ProductSales> ExpectTop(IEnumerable<OrderRow> rows, ProductSalesRanking by)
    {
        var sales = rows.Where(r => r.Status is OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Delivered)
            .SelectMany(r => r.Lines)
            .GroupBy(l => l.ProductId)
            .Select(g => new ProductSales(g.Key, g.First().Name, g.Sum(l => (long)l.Quantity), g.Sum(l => l.Amount)));
        return by == ProductSalesRanking.Units
            ? [.. sales.OrderByDescending(s => s.Units).ThenByDescending(s => s.Revenue).ThenBy(s => s.ProductId, StringComparer.Ordinal)]
            : [.. sales.OrderByDescending(s => s.Revenue).ThenByDescending(s => s.Units).ThenBy(s => s.ProductId, StringComparer.Ordinal)];
    }
}
