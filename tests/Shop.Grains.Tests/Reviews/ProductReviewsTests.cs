using Shop.Grains.Common;
using Shop.Grains.Orders;
using Shop.Grains.Reviews;

namespace Shop.Grains.Tests.Reviews;

/// <summary>A product's reviews grain: who may review, the 30-day window, and star counts that survive a lost answer.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class ProductReviewsTests(FakeClockClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Only_the_buyer_of_a_delivered_line_reviews_it_once()
    {
        var product = await Shopping.NewProduct(_grains, stock: 5);
        var (buyer, order) = await Bought(product, deliver: false);
        var reviews = _grains.GetGrain<IProductReviewsGrain>(product);

        Assert.Equal(ErrorCodes.ReviewNotAllowed, (await reviews.Write(Author(buyer), order, new ReviewDraft(5, "好"))).Error?.Code); // paid, not delivered
        await _grains.GetGrain<IOrderGrain>(order).Ship("SF", "SF1");
        await _grains.GetGrain<IOrderGrain>(order).Deliver();

        Assert.Equal(ErrorCodes.ReviewNotAllowed, (await reviews.Write(Author(ShopIds.New()), order, new ReviewDraft(5, null))).Error?.Code); // not the buyer
        var other = await Shopping.NewProduct(_grains, stock: 5);
        Assert.Equal(ErrorCodes.ReviewNotAllowed,
            (await _grains.GetGrain<IProductReviewsGrain>(other).Write(Author(buyer), order, new ReviewDraft(5, null))).Error?.Code); // not in the order

        var written = await reviews.Write(Author(buyer), order, new ReviewDraft(4, "  保温效果好\u0007  "));
        Assert.True(written.IsSuccess, written.Error?.Detail);
        Assert.Equal((ReviewRules.IdOf(order, product), 4, "保温效果好"), (written.Value!.Id, written.Value.Rating, written.Value.Text));
        Assert.Equal(ErrorCodes.ReviewExists, (await reviews.Write(Author(buyer), order, new ReviewDraft(5, null))).Error?.Code);
        Assert.Equal((1, 4.0), ((await reviews.Summary()).Count, (await reviews.Summary()).Average));
        var shown = (await Shopping.Product(_grains, product));
        Assert.Equal((4.0, 1), (shown.Rating, shown.ReviewCount));
    }

    [Fact]
    public async Task A_review_can_be_changed_or_deleted_for_30_days_only()
    {
        var product = await Shopping.NewProduct(_grains, stock: 5);
        var (buyer, order) = await Bought(product);
        var reviews = _grains.GetGrain<IProductReviewsGrain>(product);
        var review = (await reviews.Write(Author(buyer), order, new ReviewDraft(2, null))).Value!;

        FakeClockClusterFixture.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(5, (await reviews.Edit(review.Id, buyer, new ReviewDraft(5, "后来好了"))).Value?.Rating);
        Assert.Equal(ErrorCodes.ReviewNotFound, (await reviews.Edit(review.Id, ShopIds.New(), new ReviewDraft(1, null))).Error?.Code); // someone else's

        FakeClockClusterFixture.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(ErrorCodes.ReviewLocked, (await reviews.Edit(review.Id, buyer, new ReviewDraft(1, null))).Error?.Code);
        Assert.Equal(ErrorCodes.ReviewLocked, (await reviews.Delete(review.Id, buyer)).Error?.Code);
        Assert.Equal([0, 0, 0, 0, 1], (await reviews.Summary()).Distribution);
    }

    [Fact]
    public async Task Hidden_reviews_leave_the_average_and_come_back_when_shown()
    {
        var product = await Shopping.NewProduct(_grains, stock: 5);
        var reviews = _grains.GetGrain<IProductReviewsGrain>(product);
        var (first, firstOrder) = await Bought(product);
        var (second, secondOrder) = await Bought(product);
        await reviews.Write(Author(first), firstOrder, new ReviewDraft(5, null));
        var rude = (await reviews.Write(Author(second), secondOrder, new ReviewDraft(1, "广告"))).Value!;
        Assert.Equal((2, 3.0), ((await reviews.Summary()).Count, (await reviews.Summary()).Average));

        var hidden = (await reviews.SetHidden(rude.Id, hidden: true, "广告内容")).Value!;
        Assert.Equal((true, "广告内容"), (hidden.Hidden, hidden.HiddenReason));
        Assert.Equal((1, 5.0), ((await reviews.Summary()).Count, (await reviews.Summary()).Average));
        Assert.Equal((5.0, 1), ((await Shopping.Product(_grains, product)).Rating, (await Shopping.Product(_grains, product)).ReviewCount));

        await reviews.SetHidden(rude.Id, hidden: false, null);
        Assert.Equal([1, 0, 0, 0, 1], (await reviews.Summary()).Distribution);

        Assert.True((await reviews.Delete(rude.Id, second)).IsSuccess);
        Assert.Equal([0, 0, 0, 0, 1], (await reviews.Summary()).Distribution);
    }

    [Fact]
    public async Task A_write_the_store_took_but_never_confirmed_is_counted_once()
    {
        var product = await Shopping.NewProduct(_grains, stock: 5);
        var reviews = _grains.GetGrain<IProductReviewsGrain>(product);
        var (first, firstOrder) = await Bought(product);
        var (second, secondOrder) = await Bought(product);

        TestReviewStore.Instance.LoseAnswerOfNextSave(product);
        await Assert.ThrowsAnyAsync<Exception>(() => reviews.Write(Author(first), firstOrder, new ReviewDraft(4, null)));

        // The store has the review; the grain did not hear so. The next change counts afresh, not on top.
        Assert.Equal(ErrorCodes.ReviewExists, (await reviews.Write(Author(first), firstOrder, new ReviewDraft(4, null))).Error?.Code);
        Assert.True((await reviews.Write(Author(second), secondOrder, new ReviewDraft(2, null))).IsSuccess);
        Assert.Equal([0, 1, 0, 1, 0], (await reviews.Summary()).Distribution);
        Assert.Equal((3.0, 2), ((await Shopping.Product(_grains, product)).Rating, (await Shopping.Product(_grains, product)).ReviewCount));
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0, 3, 1 }, 4.3)] // 4.25: a half rounds up
    [InlineData(new[] { 1, 0, 0, 0, 2 }, 3.7)] // 3.666...
    [InlineData(new[] { 0, 0, 0, 0, 0 }, null)]
    public void The_average_has_one_decimal(int[] stars, double? average) => Assert.Equal(average, RatingSummary.Of(stars).Average);

    private static ReviewAuthor Author(string userId) => new(userId, "王**");

    /// <summary>A shopper who bought one of the product, paid, and (unless told not to) had it delivered.</summary>
    private async Task<(string UserId, string OrderId)> Bought(string product, bool deliver = true)
    {
        var (buyer, _) = await Shopping.RegisteredShopperWithCart(_grains, (product, 1));
        var placed = (await Shopping.Checkout(_grains, buyer)).Value!;
        var order = _grains.GetGrain<IOrderGrain>(placed.Id);
        Assert.True((await order.PayByCard(new CardPayment("4242424242424242", ShopIds.New()))).IsSuccess);
        if (deliver)
        {
            await order.Ship("SF", "SF1");
            Assert.True((await order.Deliver()).IsSuccess);
        }

        return (buyer, placed.Id);
    }
}
