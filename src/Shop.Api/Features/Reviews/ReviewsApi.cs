using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Features.Auth;
using Shop.Api.Features.Catalog;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;
using Shop.Grains.Orders;
using Shop.Grains.Reviews;
using Shop.Grains.Users;

namespace Shop.Api.Features.Reviews;

/// <summary>
/// Reviews from buyers: anyone reads a product's reviews; the buyer of a delivered order line writes
/// one per line and may change or delete it for 30 days; shoppers vote reviews helpful; admins hide
/// them with a reason. Writes go through the product's reviews grain, reads to the review store.
/// </summary>
public static class ReviewsApi
{
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/products/{id}/reviews", List).WithTags("Reviews");
        routes.MapPost("/api/products/{id}/reviews", Write).WithTags("Reviews").RequireAuthorization();
        routes.MapGet("/api/orders/{id}/reviews", ForOrder).WithTags("Reviews").RequireAuthorization();

        var own = routes.MapGroup("/api/reviews").WithTags("Reviews").RequireAuthorization();
        own.MapPut("/{reviewId}", Edit);
        own.MapDelete("/{reviewId}", Delete);
        own.MapPost("/{reviewId}/helpful", Vote);

        var admin = routes.MapGroup("/api/admin/reviews").WithTags("Admin").RequireAuthorization(AuthenticationSetup.AdminPolicy);
        admin.MapGet("/", Moderation);
        admin.MapPut("/{reviewId}/visibility", SetVisibility);
        return routes;
    }

    public static async Task<Results<Ok<ReviewListResponse>, ProblemHttpResult>> List(
        string id, [AsParameters] ReviewListQuery query, HttpContext http, IGrainFactory grains, IReviewStore reviews,
        CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        if (!await IsForSale(id, catalog, cancellationToken))
        {
            return ProductNotFound();
        }

        var summary = await grains.Get<IProductReviewsGrain>(id).Summary();
        var page = await reviews.ForProduct(id, query.Order, query.Skip, query.Size, cancellationToken: cancellationToken);
        var caller = CallerId(http.User);
        return TypedResults.Ok(new ReviewListResponse(RatingSummaryResponse.From(summary),
            page.Items.Select(r => ReviewResponse.From(r, caller)).ToList(), page.Total, query.PageNumber, query.Size));
    }

    public static async Task<Results<Created<ReviewResponse>, ProblemHttpResult>> Write(
        string id, WriteReviewRequest request, HttpContext http, IGrainFactory grains, CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        if (!await IsForSale(id, catalog, cancellationToken))
        {
            return ProductNotFound();
        }

        var userId = http.User.UserId();
        var profile = await grains.Get<IUserGrain>(userId).GetProfile();
        var author = new ReviewAuthor(userId, DisplayName(profile?.Name));
        var written = await grains.Get<IProductReviewsGrain>(id).Write(author, request.OrderId, request.ToDraft());
        return written.ToCreatedResult(r => $"/api/reviews/{r.Id}", r => ReviewResponse.From(r, userId));
    }

    public static async Task<Results<Ok<List<ReviewResponse>>, ProblemHttpResult>> ForOrder(
        string id, HttpContext http, IGrainFactory grains, IReviewStore reviews, CancellationToken cancellationToken)
    {
        var userId = http.User.UserId();
        var order = Ids.IsWellFormed(id) ? await grains.Get<IOrderGrain>(id).Get() : null;
        if (order?.UserId != userId)
        {
            return Problems.NotFound(ErrorCodes.OrderNotFound, "No order with this id.");
        }

        var written = await reviews.ForOrder(id, cancellationToken);
        return TypedResults.Ok(written.Where(r => r.UserId == userId).Select(r => ReviewResponse.From(r, userId)).ToList());
    }

    public static async Task<Results<Ok<ReviewResponse>, ProblemHttpResult>> Edit(
        string reviewId, EditReviewRequest request, HttpContext http, IGrainFactory grains)
    {
        if (ProductOf(reviewId) is not { } productId)
        {
            return ReviewNotFound();
        }

        var userId = http.User.UserId();
        var edited = await grains.Get<IProductReviewsGrain>(productId).Edit(reviewId, userId, request.ToDraft());
        return edited.ToHttpResult(r => ReviewResponse.From(r, userId));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(string reviewId, HttpContext http, IGrainFactory grains)
    {
        if (ProductOf(reviewId) is not { } productId)
        {
            return ReviewNotFound();
        }

        var deleted = await grains.Get<IProductReviewsGrain>(productId).Delete(reviewId, http.User.UserId());
        return deleted.IsSuccess ? TypedResults.NoContent() : Problems.From(deleted.Error!);
    }

    /// <summary>One vote per shopper and review; voting again changes nothing. A shopper's own review takes no votes.</summary>
    public static async Task<Results<Ok<HelpfulResponse>, ProblemHttpResult>> Vote(
        string reviewId, HttpContext http, IReviewStore reviews, CancellationToken cancellationToken)
    {
        if (ProductOf(reviewId) is null || await reviews.Find(reviewId, cancellationToken) is not { Hidden: false } review)
        {
            return ReviewNotFound();
        }

        var userId = http.User.UserId();
        if (review.UserId == userId)
        {
            return Problems.From(ShopError.Conflict(ErrorCodes.ReviewVoteRefused, "A review cannot be voted for by its author."));
        }

        return await reviews.Vote(reviewId, userId, cancellationToken) is { } helpful
            ? TypedResults.Ok(new HelpfulResponse(helpful))
            : ReviewNotFound();
    }

    public static async Task<Ok<PagedList<AdminReviewResponse>>> Moderation(
        [AsParameters] AdminReviewQuery query, IReviewStore reviews, CancellationToken cancellationToken)
    {
        var page = await reviews.Latest(query.Hidden, query.Skip, query.Size, cancellationToken);
        return TypedResults.Ok(new PagedList<AdminReviewResponse>(
            page.Items.Select(AdminReviewResponse.From).ToList(), page.Total, query.PageNumber, query.Size));
    }

    public static async Task<Results<Ok<AdminReviewResponse>, ProblemHttpResult>> SetVisibility(
        string reviewId, ReviewVisibilityRequest request, IGrainFactory grains)
    {
        if (ProductOf(reviewId) is not { } productId)
        {
            return ReviewNotFound();
        }

        var hidden = request.Hidden == true;
        if (hidden && string.IsNullOrWhiteSpace(request.Reason))
        {
            return Problems.Invalid("reason", "Say why the review is hidden.");
        }

        var changed = await grains.Get<IProductReviewsGrain>(productId).SetHidden(reviewId, hidden, request.Reason);
        return changed.ToHttpResult(AdminReviewResponse.From);
    }

    /// <summary>
    /// The name shown with a review: the first letter of the buyer's name and two stars ("张**"), so
    /// a review does not publish who bought what.
    /// </summary>
    public static string DisplayName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "**" : StringInfo.GetNextTextElement(name.Trim()) + "**";

    /// <summary>A review id is the order id and the product id ("order.product"); anything else names no review.</summary>
    private static string? ProductOf(string reviewId) =>
        reviewId.Split('.') is [var orderId, var productId] && Ids.IsWellFormed(orderId) && Ids.IsWellFormed(productId) ? productId : null;

    /// <summary>The catalog copy holds only products for sale (archived ones leave it).</summary>
    private static async Task<bool> IsForSale(string productId, CatalogSnapshot catalog, CancellationToken cancellationToken) =>
        Ids.IsWellFormed(productId) && (await catalog.GetEntries(cancellationToken)).ContainsKey(productId);

    private static string? CallerId(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.UserId() : null;

    private static ProblemHttpResult ProductNotFound() => Problems.NotFound(ErrorCodes.ProductNotFound, "No product with this id.");

    private static ProblemHttpResult ReviewNotFound() => Problems.NotFound(ErrorCodes.ReviewNotFound, "No review with this id.");
}
