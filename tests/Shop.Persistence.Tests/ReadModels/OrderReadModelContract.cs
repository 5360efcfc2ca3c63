using Npgsql;
using Shop.Grains.Orders;
using Shop.Grains.Orders.ReadModel;
using Shop.Persistence.Tests.Mongo;
using Shop.Silo.Migrations;
using Shop.Silo.Persistence.Mongo;
using Shop.Silo.ReadModels;

namespace Shop.Persistence.Tests.ReadModels;

public sealed class MemoryOrderReadModelTests : OrderReadModelContract
{
    protected override Task<IOrderReadModel> CreateAsync() => Task.FromResult<IOrderReadModel>(new MemoryOrderReadModel());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresOrderReadModelTests(PostgresFixture postgres) : OrderReadModelContract
{
    protected override async Task<IOrderReadModel> CreateAsync()
    {
        var connection = await postgres.NewDatabase("orders");
        await new PostgresMigrator(connection, TextWriter.Null).MigrateAsync();
        return new PostgresOrderReadModel(NpgsqlDataSource.Create(connection));
    }
}

[Collection(MongoCollection.Name)]
public sealed class MongoOrderReadModelTests(MongoFixture mongo) : OrderReadModelContract
{
    protected override async Task<IOrderReadModel> CreateAsync()
    {
        var connection = new MongoConnection(MongoSettings.Parse(mongo.NewDatabaseUri("orders")), "shop-tests", TimeSpan.FromSeconds(10));
        await new MongoMigrator(connection.Database, TextWriter.Null, "shop").MigrateAsync();
        return new MongoOrderReadModel(connection);
    }
}

/// <summary>What every store of the admin order list must do, the same way.</summary>
public abstract class OrderReadModelContract
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    protected abstract Task<IOrderReadModel> CreateAsync();

    [SkippableFact]
    public async Task A_row_keeps_its_highest_version_whatever_order_the_writes_arrive_in()
    {
        var model = await CreateAsync();
        var row = Row("0193aaaa00000000000000000000a001", OrderStatus.PendingPayment, 1000, T0, version: 1);

        await model.Upsert(row with { Status = OrderStatus.Shipped, Version = 3 });
        await model.Upsert(row);
        await model.Upsert(row with { Status = OrderStatus.Paid, Version = 2 });
        await model.Upsert(row with { Status = OrderStatus.Shipped, Version = 3 }); // a replay

        var page = await model.Query(new OrderRowQuery());
        Assert.Equal((OrderStatus.Shipped, 3), (page.Rows.Single().Status, page.Rows.Single().Version));
        Assert.Equal(1, page.Total);
    }

    [SkippableFact]
    public async Task Filters_combine_and_sorts_break_ties_by_id()
    {
        var model = await CreateAsync();
        var rows = Sample();
        foreach (var row in rows)
        {
            await model.Upsert(row);
        }

        Assert.Equal(Expect(rows.Where(r => r.Status == OrderStatus.Paid), r => r.CreatedAt.UtcTicks, descending: true),
            Ids(await model.Query(new OrderRowQuery(Status: OrderStatus.Paid, Take: 100))));
        Assert.Equal(Expect(rows.Where(r => r.Email == "a@shop.test"), r => r.Total, descending: false),
            Ids(await model.Query(new OrderRowQuery(Email: "a@shop.test", SortBy: OrderSortField.Total, Descending: false, Take: 100))));
        Assert.Equal(Expect(rows.Where(r => r.CreatedAt >= T0.AddHours(2) && r.CreatedAt < T0.AddHours(5)), r => r.CreatedAt.UtcTicks, descending: true),
            Ids(await model.Query(new OrderRowQuery(From: T0.AddHours(2), To: T0.AddHours(5), Take: 100))));
        var number = rows[3].Number;
        Assert.Equal([rows[3].OrderId], Ids(await model.Query(new OrderRowQuery(NumberPrefix: number[..7], Take: 100))));
        Assert.Equal(Expect(rows, r => r.Total, descending: true), Ids(await model.Query(new OrderRowQuery(SortBy: OrderSortField.Total, Take: 100))));
    }

    [SkippableTheory]
    [InlineData(OrderSortField.CreatedAt, true)]
    [InlineData(OrderSortField.CreatedAt, false)]
    [InlineData(OrderSortField.Total, true)]
    [InlineData(OrderSortField.Total, false)]
    public async Task A_cursor_walks_every_row_once_in_order_and_skip_pages_agree(OrderSortField sortBy, bool descending)
    {
        var model = await CreateAsync();
        var rows = Sample();
        foreach (var row in rows)
        {
            await model.Upsert(row);
        }

        // Every sample number starts with 000: the number search pages its own way (PostgreSQL: ids first).
        foreach (var prefix in new[] { null, "000" })
        {
            var walked = new List<string>();
            var query = new OrderRowQuery(SortBy: sortBy, Descending: descending, NumberPrefix: prefix, Take: 3);
            OrderRowPage page;
            do
            {
                page = await model.Query(query);
                walked.AddRange(Ids(page));
                Assert.Equal(rows.Count, page.Total);
                query = query with { Cursor = page.NextCursor };
            }
            while (page.NextCursor is not null && walked.Count < 100);

            Assert.Equal(Expect(rows, r => sortBy == OrderSortField.Total ? r.Total : r.CreatedAt.UtcTicks, descending), walked);
            Assert.Equal(walked.Skip(3).Take(3),
                Ids(await model.Query(new OrderRowQuery(SortBy: sortBy, Descending: descending, NumberPrefix: prefix, Skip: 3, Take: 3))));
        }
    }

    /// <summary>Ten orders of two customers over five hours; equal totals and equal times, to test the tie-break.</summary>
    private static List<OrderRow> Sample() =>
    [
        .. Enumerable.Range(0, 10).Select(i => Row(
            $"0193aaaa0000000000000000000{i:x}b{i:x}0{i}",
            i % 3 == 0 ? OrderStatus.Paid : OrderStatus.PendingPayment,
            total: 1000 * (i % 4),
            createdAt: T0.AddHours(i / 2),
            version: 1,
            email: i % 2 == 0 ? "a@shop.test" : "b@shop.test")),
    ];

    private static OrderRow Row(string id, OrderStatus status, long total, DateTimeOffset createdAt, int version, string email = "a@shop.test") =>
        new(id, OrderRow.NumberOf(id), "user-" + email, email, status, total, createdAt, createdAt, version);

    private static List<string> Expect(IEnumerable<OrderRow> rows, Func<OrderRow, long> key, bool descending) =>
        (descending
            ? rows.OrderByDescending(key).ThenByDescending(r => r.OrderId, StringComparer.Ordinal)
            : rows.OrderBy(key).ThenBy(r => r.OrderId, StringComparer.Ordinal)).Select(r => r.OrderId).ToList();

    private static List<string> Ids(OrderRowPage page) => page.Rows.Select(r => r.OrderId).ToList();
}
