using MongoDB.Bson;
using MongoDB.Driver;
using Shop.Grains.Orders;
using Shop.Grains.Orders.ReadModel;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Silo.ReadModels;

/// <summary>
/// The dashboard's numbers as aggregations over <c>shop_orders</c>: ranges match on the createdAt
/// index, days are grouped in the zone by the server, strings compare in binary order as in the
/// other stores.
/// </summary>
public sealed class MongoOrderStatistics(MongoConnection connection) : IOrderStatistics
{
    private static readonly BsonArray Revenue = new(SalesRules.RevenueStatuses.Select(s => (int)s));

    private IMongoCollection<BsonDocument> Orders => connection.Collection(MongoNames.Orders);

    public async Task<IReadOnlyList<DailySales>> Daily(DateOnly first, DateOnly last, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var (from, to) = SalesRules.Range(first, last, zone);
        BsonDocument[] pipeline =
        [
            new("$match", InRange(from, to)),
            new("$group", new BsonDocument
            {
                { "_id", new BsonDocument("$dateToString", new BsonDocument { { "format", "%Y-%m-%d" }, { "date", "$createdAt" }, { "timezone", zone.Id } }) },
                { "orders", new BsonDocument("$sum", 1) },
                { "revenue", new BsonDocument("$sum", new BsonDocument("$cond", new BsonArray { IsRevenue(), "$total", 0L })) },
            }),
        ];
        var found = (await Orders.Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken).ToListAsync(cancellationToken))
            .Select(d => new DailySales(DateOnly.ParseExact(d["_id"].AsString, "yyyy-MM-dd"), d["orders"].ToInt32(), d["revenue"].ToInt64()));
        return SalesRules.EveryDay(first, last, found);
    }

    public async Task<IReadOnlyDictionary<OrderStatus, int>> CountByStatus(CancellationToken cancellationToken = default)
    {
        BsonDocument[] pipeline = [new("$group", new BsonDocument { { "_id", "$status" }, { "count", new BsonDocument("$sum", 1) } })];
        var found = await Orders.Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return found.ToDictionary(d => (OrderStatus)d["_id"].ToInt32(), d => d["count"].ToInt32());
    }

    public async Task<IReadOnlyList<ProductSales>> TopProducts(
        DateTimeOffset from, DateTimeOffset to, ProductSalesRanking by, int take, CancellationToken cancellationToken = default)
    {
        var match = InRange(from, to);
        match["status"] = new BsonDocument("$in", Revenue);
        var (firstKey, secondKey) = by == ProductSalesRanking.Units ? ("units", "revenue") : ("revenue", "units");
        BsonDocument[] pipeline =
        [
            new("$match", match),
            new("$unwind", "$lines"),
            new("$group", new BsonDocument
            {
                { "_id", "$lines.productId" },
                { "name", new BsonDocument("$min", "$lines.name") },
                { "units", new BsonDocument("$sum", new BsonDocument("$toLong", "$lines.quantity")) },
                { "revenue", new BsonDocument("$sum", new BsonDocument("$toLong", "$lines.amount")) },
            }),
            new("$sort", new BsonDocument { { firstKey, -1 }, { secondKey, -1 }, { "_id", 1 } }),
            new("$limit", take),
        ];
        var found = await Orders.Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return [.. found.Select(d => new ProductSales(d["_id"].AsString, d["name"].AsString, d["units"].ToInt64(), d["revenue"].ToInt64()))];
    }

    private static BsonDocument InRange(DateTimeOffset from, DateTimeOffset to) =>
        new("createdAt", new BsonDocument { { "$gte", from.UtcDateTime }, { "$lt", to.UtcDateTime } });

    private static BsonDocument IsRevenue() => new("$in", new BsonArray { "$status", Revenue });
}
