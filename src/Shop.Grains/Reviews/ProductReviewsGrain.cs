using Shop.Grains.Catalog;
using Shop.Grains.Common;
using Shop.Grains.Orders;

namespace Shop.Grains.Reviews;

internal sealed class ProductReviewsGrain(
    [PersistentState("reviews", StorageNames.Shop)] IPersistentState<ProductReviewsState> store,
    IReviewStore reviews,
    TimeProvider clock) : Grain, IProductReviewsGrain
{
    private string ProductId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (store.State.Pending is not null)
        {
            await Recount();
        }
    }

    public async Task<Outcome<Review>> Write(ReviewAuthor author, string orderId, ReviewDraft draft)
    {
        if (Check(draft) is { } invalid)
        {
            return invalid;
        }

        var order = await GrainFactory.Get<IOrderGrain>(orderId).Get();
        var line = order is { Status: OrderStatus.Delivered } && order.UserId == author.UserId
            ? order.Items.FirstOrDefault(i => i.ProductId == ProductId)
            : null;
        if (line is null)
        {
            return ShopError.Conflict(ErrorCodes.ReviewNotAllowed, "Only the buyer of a delivered order line of this product can review it.");
        }

        var id = ReviewRules.IdOf(orderId, ProductId);
        if (await reviews.Find(id) is not null)
        {
            return ShopError.Conflict(ErrorCodes.ReviewExists, "This order line has a review already.");
        }

        var now = clock.GetUtcNow();
        var review = new Review(id, ProductId, line.Name, orderId, author.UserId, author.DisplayName, draft.Rating, Clean(draft.Text), now, now);
        await Change(id, null, review);
        return review;
    }

    public async Task<Outcome<Review>> Edit(string reviewId, string userId, ReviewDraft draft)
    {
        if (Check(draft) is { } invalid)
        {
            return invalid;
        }

        var found = await OwnEditable(reviewId, userId);
        if (!found.IsSuccess)
        {
            return found;
        }

        var next = found.Value! with { Rating = draft.Rating, Text = Clean(draft.Text), UpdatedAt = clock.GetUtcNow() };
        await Change(reviewId, found.Value, next);
        return next;
    }

    public async Task<Outcome<Review>> Delete(string reviewId, string userId)
    {
        var found = await OwnEditable(reviewId, userId);
        if (found.IsSuccess)
        {
            await Change(reviewId, found.Value, null);
        }

        return found;
    }

    public async Task<Outcome<Review>> SetHidden(string reviewId, bool hidden, string? reason)
    {
        if (await Find(reviewId) is not { } review)
        {
            return NotFound();
        }

        if (reason?.Length > ReviewRules.MaxReasonLength)
        {
            return ShopError.Invalid("reason", ErrorCodes.ReviewTextTooLong, $"The reason can be at most {ReviewRules.MaxReasonLength} characters long.",
                new Dictionary<string, object> { ["max"] = ReviewRules.MaxReasonLength });
        }

        var next = hidden
            ? review with { Hidden = true, HiddenReason = Clean(reason), HiddenAt = review.HiddenAt ?? clock.GetUtcNow() }
            : review with { Hidden = false, HiddenReason = null, HiddenAt = null };
        await Change(reviewId, review, next);
        return next;
    }

    public Task<RatingSummary> Summary() => Task.FromResult(RatingSummary.Of(store.State.Stars));

    /// <summary>
    /// Writes one review change and moves the star counts with it. The grain's own write names the
    /// review first, so a change the store may or may not have taken is recounted, never counted twice.
    /// </summary>
    private async Task Change(string reviewId, Review? before, Review? after)
    {
        if (store.State.Pending is not null)
        {
            // The last change failed part way (the store may hold it or not): count afresh first.
            await Recount();
        }

        await store.SaveAsync(store.State with { Pending = reviewId });
        if (after is null)
        {
            await reviews.Delete(reviewId);
        }
        else
        {
            await reviews.Save(after);
        }

        var stars = (int[])store.State.Stars.Clone();
        if (before is { Hidden: false })
        {
            stars[before.Rating - 1]--;
        }

        if (after is { Hidden: false })
        {
            stars[after.Rating - 1]++;
        }

        await Publish(stars);
    }

    private async Task Recount() => await Publish(await reviews.Distribution(ProductId));

    /// <summary>The product learns its rating before the pending mark goes, so a crash between the two repeats both.</summary>
    private async Task Publish(int[] stars)
    {
        await GrainFactory.Get<IProductGrain>(ProductId).SetRating(RatingSummary.Of(stars));
        await store.SaveAsync(store.State with { Stars = stars, Pending = null });
    }

    private async Task<Outcome<Review>> OwnEditable(string reviewId, string userId)
    {
        if (await Find(reviewId) is not { } review || review.UserId != userId)
        {
            return NotFound();
        }

        if (clock.GetUtcNow() - review.CreatedAt > ReviewRules.EditWindow)
        {
            return ShopError.Conflict(ErrorCodes.ReviewLocked, $"Reviews can be changed only within {ReviewRules.EditWindow.TotalDays} days of writing them.",
                new Dictionary<string, object> { ["days"] = (int)ReviewRules.EditWindow.TotalDays });
        }

        return review;
    }

    private async Task<Review?> Find(string reviewId) =>
        await reviews.Find(reviewId) is { } review && review.ProductId == ProductId ? review : null;

    private static ShopError NotFound() => ShopError.NotFound(ErrorCodes.ReviewNotFound, "No review with this id.");

    private static ShopError? Check(ReviewDraft draft)
    {
        if (draft.Rating is < ReviewRules.MinRating or > ReviewRules.MaxRating)
        {
            return ShopError.Invalid("rating", ErrorCodes.ReviewRatingRange, $"The rating must be between {ReviewRules.MinRating} and {ReviewRules.MaxRating}.",
                new Dictionary<string, object> { ["min"] = ReviewRules.MinRating, ["max"] = ReviewRules.MaxRating });
        }

        return Clean(draft.Text)?.Length > ReviewRules.MaxTextLength
            ? ShopError.Invalid("text", ErrorCodes.ReviewTextTooLong, $"The review can be at most {ReviewRules.MaxTextLength} characters long.",
                new Dictionary<string, object> { ["max"] = ReviewRules.MaxTextLength })
            : null;
    }

    /// <summary>Plain text: trimmed, control characters other than line breaks removed, empty as none.</summary>
    private static string? Clean(string? text)
    {
        var kept = new string((text ?? "").Where(c => !char.IsControl(c) || c == '\n').ToArray()).Trim();
        return kept.Length == 0 ? null : kept;
    }
}
