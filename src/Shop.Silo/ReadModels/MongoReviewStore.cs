using MongoDB.Bson;
using MongoDB.Driver;
using Shop.Grains.Reviews;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Silo.ReadModels;

/// <summary>
/// Reviews in MongoDB's <c>shop_reviews</c> (one document per review) and votes in
/// <c>shop_review_votes</c> (<c>_id</c>: review and shopper, so a second vote is a duplicate key).
/// </summary>
public sealed class MongoReviewStore(MongoConnection connection) : IReviewStore
{
    private IMongoCollection<BsonDocument> Reviews => connection.Collection(MongoNames.Reviews);

    private IMongoCollection<BsonDocument> Votes => connection.Collection(MongoNames.ReviewVotes);

    public async Task<Review?> Find(string reviewId, CancellationToken cancellationToken = default) =>
        await Reviews.Find(new BsonDocument("_id", reviewId)).FirstOrDefaultAsync(cancellationToken) is { } document ? From(document) : null;

    public async Task Save(Review review, CancellationToken cancellationToken = default)
    {
        var update = new BsonDocument
        {
            ["$set"] = new BsonDocument
            {
                { "productId", review.ProductId }, { "productName", review.ProductName }, { "orderId", review.OrderId },
                { "userId", review.UserId }, { "author", review.Author }, { "rating", review.Rating },
                { "text", (BsonValue?)review.Text ?? BsonNull.Value }, { "createdAt", review.CreatedAt.UtcDateTime },
                { "updatedAt", review.UpdatedAt.UtcDateTime }, { "hidden", review.Hidden },
                { "hiddenReason", (BsonValue?)review.HiddenReason ?? BsonNull.Value },
                { "hiddenAt", review.HiddenAt is { } at ? at.UtcDateTime : BsonNull.Value },
            },
            ["$setOnInsert"] = new BsonDocument("helpful", 0),
        };
        await Reviews.UpdateOneAsync(new BsonDocument("_id", review.Id), update, new UpdateOptions { IsUpsert = true }, cancellationToken);
    }

    public async Task Delete(string reviewId, CancellationToken cancellationToken = default)
    {
        await Reviews.DeleteOneAsync(new BsonDocument("_id", reviewId), cancellationToken);
        await Votes.DeleteManyAsync(new BsonDocument("reviewId", reviewId), cancellationToken);
    }

    public async Task<ReviewPage> ForProduct(string productId, ReviewSort sort, int skip, int take, bool includeHidden = false,
        CancellationToken cancellationToken = default)
    {
        var filter = new BsonDocument("productId", productId);
        if (!includeHidden)
        {
            filter["hidden"] = false;
        }

        var order = sort switch
        {
            ReviewSort.Helpful => new BsonDocument { { "helpful", -1 }, { "createdAt", -1 }, { "_id", 1 } },
            ReviewSort.RatingDesc => new BsonDocument { { "rating", -1 }, { "createdAt", -1 }, { "_id", 1 } },
            ReviewSort.RatingAsc => new BsonDocument { { "rating", 1 }, { "createdAt", -1 }, { "_id", 1 } },
            _ => new BsonDocument { { "createdAt", -1 }, { "_id", 1 } },
        };
        return await Page(filter, order, skip, take, cancellationToken);
    }

    public async Task<IReadOnlyList<Review>> ForOrder(string orderId, CancellationToken cancellationToken = default) =>
        (await Reviews.Find(new BsonDocument("orderId", orderId)).Sort(new BsonDocument { { "createdAt", -1 }, { "_id", 1 } })
            .ToListAsync(cancellationToken)).Select(From).ToList();

    public async Task<ReviewPage> Latest(bool? hidden, int skip, int take, CancellationToken cancellationToken = default) =>
        await Page(hidden is { } h ? new BsonDocument("hidden", h) : [], new BsonDocument { { "createdAt", -1 }, { "_id", 1 } }, skip, take, cancellationToken);

    public async Task<int[]> Distribution(string productId, CancellationToken cancellationToken = default)
    {
        var counts = await Reviews.Aggregate()
            .Match(new BsonDocument { { "productId", productId }, { "hidden", false } })
            .Group(new BsonDocument { { "_id", "$rating" }, { "count", new BsonDocument("$sum", 1) } })
            .ToListAsync(cancellationToken);
        var stars = new int[ReviewRules.MaxRating];
        foreach (var count in counts)
        {
            stars[count["_id"].ToInt32() - 1] = count["count"].ToInt32();
        }

        return stars;
    }

    public async Task<int?> Vote(string reviewId, string userId, CancellationToken cancellationToken = default)
    {
        if (await Find(reviewId, cancellationToken) is not { } review)
        {
            return null;
        }

        try
        {
            await Votes.InsertOneAsync(new BsonDocument
            {
                { "_id", new BsonDocument { { "reviewId", reviewId }, { "userId", userId } } }, { "reviewId", reviewId },
            }, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (MongoErrors.IsDuplicateKey(e))
        {
            return review.Helpful;
        }

        var counted = await Reviews.FindOneAndUpdateAsync(new BsonDocument("_id", reviewId), new BsonDocument("$inc", new BsonDocument("helpful", 1)),
            new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After }, cancellationToken);
        return counted is null ? null : counted["helpful"].ToInt32();
    }

    private async Task<ReviewPage> Page(BsonDocument filter, BsonDocument order, int skip, int take, CancellationToken cancellationToken)
    {
        var items = await Reviews.Find(filter).Sort(order).Skip(skip).Limit(take).ToListAsync(cancellationToken);
        var total = await Reviews.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
        return new ReviewPage(items.Select(From).ToList(), (int)total);
    }

    private static Review From(BsonDocument d) => new(
        d["_id"].AsString, d["productId"].AsString, d["productName"].AsString, d["orderId"].AsString, d["userId"].AsString,
        d["author"].AsString, d["rating"].ToInt32(), d["text"].IsBsonNull ? null : d["text"].AsString,
        new DateTimeOffset(d["createdAt"].ToUniversalTime()), new DateTimeOffset(d["updatedAt"].ToUniversalTime()),
        d.GetValue("helpful", 0).ToInt32(), d["hidden"].AsBoolean, d["hiddenReason"].IsBsonNull ? null : d["hiddenReason"].AsString,
        d["hiddenAt"].IsBsonNull ? null : new DateTimeOffset(d["hiddenAt"].ToUniversalTime()));
}
