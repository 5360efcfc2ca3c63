namespace Shop.Grains.Reviews;

public enum ReviewSort
{
    Newest,
    Helpful,
    RatingDesc,
    RatingAsc,
}

/// <summary>A page of reviews and how many there are in all (for the pager).</summary>
public sealed record ReviewPage(IReadOnlyList<Review> Items, int Total);

/// <summary>
/// Where reviews live (a table on PostgreSQL, a collection on MongoDB, memory in the embedded shop).
/// The product's reviews grain is its only writer of reviews; votes are counted here, one per shopper.
/// </summary>
public interface IReviewStore
{
    Task<Review?> Find(string reviewId, CancellationToken cancellationToken = default);

    /// <summary>Writes the review by id; its helpful count stays as the store counted it.</summary>
    Task Save(Review review, CancellationToken cancellationToken = default);

    /// <summary>Removes the review and its votes; removing one that is gone is no error.</summary>
    Task Delete(string reviewId, CancellationToken cancellationToken = default);

    /// <summary>A product's reviews, hidden ones only when asked for (admins).</summary>
    Task<ReviewPage> ForProduct(string productId, ReviewSort sort, int skip, int take, bool includeHidden = false,
        CancellationToken cancellationToken = default);

    /// <summary>Every review written for an order's lines (the shopper's order page).</summary>
    Task<IReadOnlyList<Review>> ForOrder(string orderId, CancellationToken cancellationToken = default);

    /// <summary>All reviews, newest first, for moderation; <paramref name="hidden"/> filters when given.</summary>
    Task<ReviewPage> Latest(bool? hidden, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>How many visible reviews gave each star (index 0: one star), counted from the stored reviews.</summary>
    Task<int[]> Distribution(string productId, CancellationToken cancellationToken = default);

    /// <summary>Counts the shopper's vote once; the review's helpful count after it, or null when the review is gone.</summary>
    Task<int?> Vote(string reviewId, string userId, CancellationToken cancellationToken = default);
}

public static class ReviewStores
{
    public static IEnumerable<Review> Sorted(IEnumerable<Review> reviews, ReviewSort sort) => sort switch
    {
        ReviewSort.Helpful => reviews.OrderByDescending(r => r.Helpful).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal),
        ReviewSort.RatingDesc => reviews.OrderByDescending(r => r.Rating).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal),
        ReviewSort.RatingAsc => reviews.OrderBy(r => r.Rating).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal),
        _ => reviews.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal),
    };
}
