namespace Shop.Grains.Reviews;

/// <summary>What a shopper writes: 1-5 stars and an optional plain text.</summary>
[GenerateSerializer, Immutable, Alias("shop.contract.ReviewDraft")]
public sealed record ReviewDraft(
    [property: Id(0)] int Rating,
    [property: Id(1)] string? Text);

/// <summary>Who writes a review: the shopper and the name shown (already shortened for privacy).</summary>
[GenerateSerializer, Immutable, Alias("shop.contract.ReviewAuthor")]
public sealed record ReviewAuthor(
    [property: Id(0)] string UserId,
    [property: Id(1)] string DisplayName);

/// <summary>
/// One review of one order line. Every review is a verified purchase: only the buyer of a delivered
/// line can write one. <see cref="Helpful"/> is counted by the review store, one vote per shopper.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.contract.Review")]
public sealed record Review(
    [property: Id(0)] string Id,
    [property: Id(1)] string ProductId,
    [property: Id(2)] string ProductName,
    [property: Id(3)] string OrderId,
    [property: Id(4)] string UserId,
    [property: Id(5)] string Author,
    [property: Id(6)] int Rating,
    [property: Id(7)] string? Text,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] int Helpful = 0,
    [property: Id(11)] bool Hidden = false,
    [property: Id(12)] string? HiddenReason = null,
    [property: Id(13)] DateTimeOffset? HiddenAt = null);

/// <summary>A product's visible reviews: how many, their average, and how many gave each star (index 0: one star).</summary>
[GenerateSerializer, Immutable, Alias("shop.contract.RatingSummary")]
public sealed record RatingSummary(
    [property: Id(0)] int Count,
    [property: Id(1)] double? Average,
    [property: Id(2)] IReadOnlyList<int> Distribution)
{
    public static RatingSummary Of(IReadOnlyList<int> distribution)
    {
        var count = distribution.Sum();
        var stars = distribution.Select((n, i) => (long)n * (i + 1)).Sum();
        // Halves round up, as shoppers expect (4.25 shows as 4.3).
        return new RatingSummary(count, count == 0 ? null : Math.Round((double)stars / count, 1, MidpointRounding.AwayFromZero), distribution);
    }
}

/// <summary>The rules every review follows, checked by the product's reviews grain.</summary>
public static class ReviewRules
{
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int MaxTextLength = 2000;
    public const int MaxReasonLength = 500;

    /// <summary>How long after writing it a shopper may still edit or delete a review.</summary>
    public static readonly TimeSpan EditWindow = TimeSpan.FromDays(30);

    /// <summary>A review's id: one per order line, so writing twice for the same line is refused.</summary>
    public static string IdOf(string orderId, string productId) => $"{orderId}.{productId}";
}
