namespace Shop.Grains.Reviews;

[GenerateSerializer, Alias("shop.ProductReviewsState")]
public sealed record ProductReviewsState
{
    /// <summary>How many visible reviews gave each star (index 0: one star).</summary>
    [Id(0)] public int[] Stars { get; init; } = new int[ReviewRules.MaxRating];

    /// <summary>
    /// A review whose write to the review store may not have happened (a crash, a storage error):
    /// the counts are then taken afresh from the store before the next change.
    /// </summary>
    [Id(1)] public string? Pending { get; init; }
}
