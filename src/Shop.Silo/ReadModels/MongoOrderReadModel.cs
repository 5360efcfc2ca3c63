using MongoDB.Bson;
using MongoDB.Driver;
using Shop.Grains.Orders;
using Shop.Grains.Orders.ReadModel;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Silo.ReadModels;

/// <summary>
/// The admin order list in MongoDB's <c>shop_orders</c> collection (migration step 4), one document
/// per order (<c>_id</c>: the order id). An upsert matches the id and a lower version, so a later
/// version is never replaced; a page is a keyset query on one of the collection's indexes. The
/// order's lines ride in the document (<c>lines</c>) for the dashboard.
/// </summary>
public sealed class MongoOrderReadModel(MongoConnection connection) : IOrderReadModel
{
    private IMongoCollection<BsonDocument> Orders => connection.Collection(MongoNames.Orders);

    public async Task Upsert(OrderRow row, CancellationToken cancellationToken = default)
    {
        var filter = new BsonDocument { { "_id", row.OrderId }, { "version", new BsonDocument("$lt", row.Version) } };
        var update = new BsonDocument("$set", new BsonDocument
        {
            { "number", row.Number }, { "userId", row.UserId }, { "email", row.Email }, { "status", (int)row.Status },
            { "total", row.Total }, { "createdAt", row.CreatedAt.UtcDateTime }, { "updatedAt", row.UpdatedAt.UtcDateTime },
            { "version", row.Version },
        });
        if (row.Lines.Count > 0)
        {
            // Fixed at placement: writing them again changes nothing, and rows written before they were
            // projected gain them with the order's next change.
            update["$set"]["lines"] = new BsonArray(row.Lines.Select(l => new BsonDocument
            {
                { "productId", l.ProductId }, { "name", l.Name }, { "quantity", l.Quantity }, { "amount", l.Amount },
            }));
        }

        try
        {
            await Orders.UpdateOneAsync(filter, update, new UpdateOptions { IsUpsert = true }, cancellationToken);
        }
        catch (Exception e) when (MongoErrors.IsDuplicateOnId(e))
        {
            // The row is there at this version or a later one: nothing to do.
        }
    }

    public async Task<OrderRowPage> Query(OrderRowQuery query, CancellationToken cancellationToken = default)
    {
        var sortField = query.SortBy == OrderSortField.Total ? "total" : "createdAt";
        var filter = new BsonDocument();
        if (query.Status is { } status)
        {
            filter["status"] = (int)status;
        }

        if (query.From is not null || query.To is not null)
        {
            var range = new BsonDocument();
            if (query.From is { } from)
            {
                range["$gte"] = from.UtcDateTime;
            }

            if (query.To is { } to)
            {
                range["$lt"] = to.UtcDateTime;
            }

            filter["createdAt"] = range;
        }

        if (query.Email is { } email)
        {
            filter["email"] = email;
        }

        if (query.NumberPrefix is { } prefix)
        {
            // Letters and digits only (the API checks): an anchored prefix uses the number index.
            filter["number"] = new BsonRegularExpression("^" + prefix);
        }

        var count = (int)await Orders.CountDocumentsAsync(filter, new CountOptions { Limit = OrderReadModels.MaxCount }, cancellationToken);
        var page = filter.DeepClone().AsBsonDocument;
        if (query.Cursor is { } cursor)
        {
            BsonValue value = query.SortBy == OrderSortField.Total ? cursor.SortValue : new DateTime(cursor.SortValue, DateTimeKind.Utc);
            var beyond = query.Descending ? "$lt" : "$gt";
            page = new BsonDocument("$and", new BsonArray
            {
                page,
                new BsonDocument("$or", new BsonArray
                {
                    new BsonDocument(sortField, new BsonDocument(beyond, value)),
                    new BsonDocument { { sortField, value }, { "_id", new BsonDocument(beyond, cursor.OrderId) } },
                }),
            });
        }

        var direction = query.Descending ? -1 : 1;
        var found = Orders.Find(page).Sort(new BsonDocument { { sortField, direction }, { "_id", direction } }).Limit(query.Take + 1);
        if (query.Cursor is null && query.Skip > 0)
        {
            found = found.Skip(query.Skip);
        }

        var rows = (await found.ToListAsync(cancellationToken)).Select(ToRow).ToList();
        var more = rows.Count > query.Take;
        rows = rows.Take(query.Take).ToList();
        return new OrderRowPage(rows, more ? OrderCursor.After(rows[^1], query.SortBy) : null, count);
    }

    private static OrderRow ToRow(BsonDocument d) => new(
        d["_id"].AsString, d["number"].AsString, d["userId"].AsString, d["email"].AsString, (OrderStatus)d["status"].AsInt32,
        d["total"].ToInt64(), new DateTimeOffset(d["createdAt"].ToUniversalTime()), new DateTimeOffset(d["updatedAt"].ToUniversalTime()),
        d["version"].AsInt32);
}
