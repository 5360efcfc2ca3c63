using Shop.Grains.Common;

namespace Shop.Grains.Reviews;

/// <summary>
/// One product's reviews and the single writer of them (keyed by product id). The reviews live in
/// the review store, where lists page through them; the grain keeps only the star counts, kept up
/// to date review by review, and passes the average to the product for the catalog.
/// </summary>
public interface IProductReviewsGrain : IGrainWithStringKey
{
    /// <summary>The buyer of a delivered order line of this product reviews it, once per line.</summary>
    Task<Outcome<Review>> Write(ReviewAuthor author, string orderId, ReviewDraft draft);

    /// <summary>The author changes a review within <see cref="ReviewRules.EditWindow"/> of writing it.</summary>
    Task<Outcome<Review>> Edit(string reviewId, string userId, ReviewDraft draft);

    /// <summary>The author deletes a review within <see cref="ReviewRules.EditWindow"/>; the line may then be reviewed again.</summary>
    Task<Outcome<Review>> Delete(string reviewId, string userId);

    /// <summary>An admin hides a review (reason kept) or shows it again. Hidden reviews leave the average.</summary>
    Task<Outcome<Review>> SetHidden(string reviewId, bool hidden, string? reason);

    [ReadOnly]
    Task<RatingSummary> Summary();
}
