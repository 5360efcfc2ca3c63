using Shop.Api.Infrastructure;
using Shop.Grains.Reviews;

namespace Shop.Api.Features.Reviews;

/// <summary>
/// A review as shoppers see it. Every review is a verified purchase (only buyers of a delivered line
/// can write one); <paramref name="Mine"/> marks the caller's own, <paramref name="EditableUntil"/> when
/// its author can no longer change it.
/// </summary>
public sealed record ReviewResponse(
    string Id, string ProductId, string ProductName, string Author, int Rating, string? Text,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Helpful, bool VerifiedPurchase, bool Mine, DateTimeOffset EditableUntil)
{
    public static ReviewResponse From(Review r, string? callerId) => new(
        r.Id, r.ProductId, r.ProductName, r.Author, r.Rating, r.Text, r.CreatedAt, r.UpdatedAt, r.Helpful,
        VerifiedPurchase: true, Mine: callerId is not null && r.UserId == callerId, r.CreatedAt + ReviewRules.EditWindow);
}

/// <summary>Average (one decimal) and count of the visible reviews, and how many gave 1, 2, 3, 4 and 5 stars.</summary>
public sealed record RatingSummaryResponse(int Count, double? Average, IReadOnlyList<int> Distribution)
{
    public static RatingSummaryResponse From(RatingSummary s) => new(s.Count, s.Average, s.Distribution);
}

public sealed record ReviewListResponse(RatingSummaryResponse Summary, IReadOnlyList<ReviewResponse> Items, int Total, int Page, int PageSize);

/// <summary>A review as moderators see it: with its order, buyer and, when hidden, why and since when.</summary>
public sealed record AdminReviewResponse(
    string Id, string ProductId, string ProductName, string OrderId, string UserId, string Author, int Rating, string? Text,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Helpful, bool Hidden, string? HiddenReason, DateTimeOffset? HiddenAt)
{
    public static AdminReviewResponse From(Review r) => new(
        r.Id, r.ProductId, r.ProductName, r.OrderId, r.UserId, r.Author, r.Rating, r.Text, r.CreatedAt, r.UpdatedAt, r.Helpful,
        r.Hidden, r.HiddenReason, r.HiddenAt);
}

public sealed record HelpfulResponse(int Helpful);
