using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Shop.Api.Infrastructure;
using Shop.Grains.Reviews;

namespace Shop.Api.Features.Reviews;

/// <param name="OrderId">The delivered order whose line of this product is reviewed.</param>
/// <param name="Rating">1 to 5 stars.</param>
/// <param name="Text">Optional plain text, up to 2,000 characters.</param>
public sealed record WriteReviewRequest(
    [property: Required, MaxLength(64)] string OrderId,
    [property: Required] int? Rating,
    [property: PlainText(Multiline = true)] string? Text = null)
{
    public ReviewDraft ToDraft() => new(Rating ?? 0, Text);
}

public sealed record EditReviewRequest(
    [property: Required] int? Rating,
    [property: PlainText(Multiline = true)] string? Text = null)
{
    public ReviewDraft ToDraft() => new(Rating ?? 0, Text);
}

/// <param name="Hidden">True hides the review from shoppers (and its stars from the average); false shows it again.</param>
/// <param name="Reason">Why it is hidden; required when hiding, kept with the review.</param>
public sealed record ReviewVisibilityRequest(
    [property: Required] bool? Hidden,
    [property: MaxLength(ReviewRules.MaxReasonLength), PlainText(Multiline = true)] string? Reason = null);

/// <summary>?sort= of a product's reviews: newest (default), helpful, rating_desc or rating_asc; paged.</summary>
public sealed record ReviewListQuery : PageQuery
{
    [RegularExpression("^(newest|helpful|rating_desc|rating_asc)$", ErrorMessage = "sort must be newest, helpful, rating_desc or rating_asc.")]
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    public ReviewSort Order => Sort switch
    {
        "helpful" => ReviewSort.Helpful,
        "rating_desc" => ReviewSort.RatingDesc,
        "rating_asc" => ReviewSort.RatingAsc,
        _ => ReviewSort.Newest,
    };
}

/// <summary>?hidden= of the moderation list: true for hidden reviews only, false for visible ones, unset for all.</summary>
public sealed record AdminReviewQuery : PageQuery
{
    [FromQuery(Name = "hidden")]
    public bool? Hidden { get; init; }
}
