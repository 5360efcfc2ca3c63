using Npgsql;
using NpgsqlTypes;
using Shop.Grains.Reviews;

namespace Shop.Silo.ReadModels;

/// <summary>Reviews in PostgreSQL's <c>shop_reviews</c> and their votes in <c>shop_review_votes</c> (migration 0007).</summary>
public sealed class PostgresReviewStore(NpgsqlDataSource database) : IReviewStore
{
    private const string Columns =
        "review_id, product_id, product_name, order_id, user_id, author, rating, body, created_at, updated_at, helpful, hidden, hidden_reason, hidden_at";

    public async Task<Review?> Find(string reviewId, CancellationToken cancellationToken = default) =>
        (await Read($"SELECT {Columns} FROM shop_reviews WHERE review_id = $1", [reviewId], cancellationToken)).SingleOrDefault();

    public async Task Save(Review review, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand($"""
            INSERT INTO shop_reviews ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $12, $13)
            ON CONFLICT (review_id) DO UPDATE SET
                rating = EXCLUDED.rating, body = EXCLUDED.body, updated_at = EXCLUDED.updated_at,
                hidden = EXCLUDED.hidden, hidden_reason = EXCLUDED.hidden_reason, hidden_at = EXCLUDED.hidden_at
            """);
        command.Parameters.Add(new() { Value = review.Id });
        command.Parameters.Add(new() { Value = review.ProductId });
        command.Parameters.Add(new() { Value = review.ProductName });
        command.Parameters.Add(new() { Value = review.OrderId });
        command.Parameters.Add(new() { Value = review.UserId });
        command.Parameters.Add(new() { Value = review.Author });
        command.Parameters.Add(new() { Value = (short)review.Rating });
        command.Parameters.Add(new() { Value = (object?)review.Text ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = review.CreatedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = review.UpdatedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = review.Hidden });
        command.Parameters.Add(new() { Value = (object?)review.HiddenReason ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)review.HiddenAt?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task Delete(string reviewId, CancellationToken cancellationToken = default)
    {
        await using var command = Command("DELETE FROM shop_reviews WHERE review_id = $1", [reviewId]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ReviewPage> ForProduct(string productId, ReviewSort sort, int skip, int take, bool includeHidden = false,
        CancellationToken cancellationToken = default)
    {
        var visible = includeHidden ? "" : " AND NOT hidden";
        var order = sort switch
        {
            ReviewSort.Helpful => "helpful DESC, created_at DESC, review_id",
            ReviewSort.RatingDesc => "rating DESC, created_at DESC, review_id",
            ReviewSort.RatingAsc => "rating, created_at DESC, review_id",
            _ => "created_at DESC, review_id",
        };
        var items = await Read($"SELECT {Columns} FROM shop_reviews WHERE product_id = $1{visible} ORDER BY {order} OFFSET $2 LIMIT $3",
            [productId, skip, take], cancellationToken);
        return new ReviewPage(items, await Count($"SELECT count(*) FROM shop_reviews WHERE product_id = $1{visible}", [productId], cancellationToken));
    }

    public async Task<IReadOnlyList<Review>> ForOrder(string orderId, CancellationToken cancellationToken = default) =>
        await Read($"SELECT {Columns} FROM shop_reviews WHERE order_id = $1 ORDER BY created_at DESC, review_id", [orderId], cancellationToken);

    public async Task<ReviewPage> Latest(bool? hidden, int skip, int take, CancellationToken cancellationToken = default)
    {
        var filter = hidden is { } h ? (h ? " WHERE hidden" : " WHERE NOT hidden") : "";
        var items = await Read($"SELECT {Columns} FROM shop_reviews{filter} ORDER BY created_at DESC, review_id OFFSET $1 LIMIT $2",
            [skip, take], cancellationToken);
        return new ReviewPage(items, await Count($"SELECT count(*) FROM shop_reviews{filter}", [], cancellationToken));
    }

    public async Task<int[]> Distribution(string productId, CancellationToken cancellationToken = default)
    {
        await using var command = Command("SELECT rating, count(*) FROM shop_reviews WHERE product_id = $1 AND NOT hidden GROUP BY rating", [productId]);
        var stars = new int[ReviewRules.MaxRating];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stars[reader.GetInt16(0) - 1] = (int)reader.GetInt64(1);
        }

        return stars;
    }

    public async Task<int?> Vote(string reviewId, string userId, CancellationToken cancellationToken = default)
    {
        // One statement: the count moves only when this shopper's vote is new.
        await using var command = Command("""
            WITH vote AS (
                INSERT INTO shop_review_votes (review_id, user_id)
                SELECT review_id, $2 FROM shop_reviews WHERE review_id = $1
                ON CONFLICT DO NOTHING
                RETURNING review_id),
            counted AS (
                UPDATE shop_reviews SET helpful = helpful + 1 WHERE review_id IN (SELECT review_id FROM vote)
                RETURNING helpful)
            SELECT coalesce((SELECT helpful FROM counted), (SELECT helpful FROM shop_reviews WHERE review_id = $1))
            """, [reviewId, userId]);
        return await command.ExecuteScalarAsync(cancellationToken) is int helpful ? helpful : null;
    }

    private async Task<List<Review>> Read(string sql, object[] values, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, values);
        var reviews = new List<Review>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reviews.Add(new Review(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetInt16(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9),
                reader.GetInt32(10), reader.GetBoolean(11), reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13)));
        }

        return reviews;
    }

    private async Task<int> Count(string sql, object[] values, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, values);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A command with positional parameters ($1, $2, ...) in the order given.</summary>
    private NpgsqlCommand Command(string sql, IEnumerable<object> values)
    {
        var command = database.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }

        return command;
    }
}
