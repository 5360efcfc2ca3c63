using System.Collections.Concurrent;

namespace Shop.Grains.Reviews;

/// <summary>Reviews in this process's memory, for the embedded shop on memory storage (and the grain tests).</summary>
public sealed class MemoryReviewStore : IReviewStore
{
    private readonly ConcurrentDictionary<string, Review> _reviews = new();
    private readonly ConcurrentDictionary<(string ReviewId, string UserId), bool> _votes = new();
    private readonly Lock _voting = new();

    public Task<Review?> Find(string reviewId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_reviews.GetValueOrDefault(reviewId));

    public Task Save(Review review, CancellationToken cancellationToken = default)
    {
        lock (_voting)
        {
            _reviews[review.Id] = review with { Helpful = _reviews.TryGetValue(review.Id, out var known) ? known.Helpful : 0 };
        }

        return Task.CompletedTask;
    }

    public Task Delete(string reviewId, CancellationToken cancellationToken = default)
    {
        lock (_voting)
        {
            _reviews.TryRemove(reviewId, out _);
            foreach (var vote in _votes.Keys.Where(k => k.ReviewId == reviewId))
            {
                _votes.TryRemove(vote, out _);
            }
        }

        return Task.CompletedTask;
    }

    public Task<ReviewPage> ForProduct(string productId, ReviewSort sort, int skip, int take, bool includeHidden = false,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(Page(_reviews.Values.Where(r => r.ProductId == productId && (includeHidden || !r.Hidden)), sort, skip, take));

    public Task<IReadOnlyList<Review>> ForOrder(string orderId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Review>>(ReviewStores.Sorted(_reviews.Values.Where(r => r.OrderId == orderId), ReviewSort.Newest).ToList());

    public Task<ReviewPage> Latest(bool? hidden, int skip, int take, CancellationToken cancellationToken = default) =>
        Task.FromResult(Page(_reviews.Values.Where(r => hidden is not { } h || r.Hidden == h), ReviewSort.Newest, skip, take));

    public Task<int[]> Distribution(string productId, CancellationToken cancellationToken = default)
    {
        var stars = new int[ReviewRules.MaxRating];
        foreach (var review in _reviews.Values.Where(r => r.ProductId == productId && !r.Hidden))
        {
            stars[review.Rating - 1]++;
        }

        return Task.FromResult(stars);
    }

    public Task<int?> Vote(string reviewId, string userId, CancellationToken cancellationToken = default)
    {
        lock (_voting)
        {
            if (!_reviews.TryGetValue(reviewId, out var review))
            {
                return Task.FromResult<int?>(null);
            }

            if (_votes.TryAdd((reviewId, userId), true))
            {
                _reviews[reviewId] = review = review with { Helpful = review.Helpful + 1 };
            }

            return Task.FromResult<int?>(review.Helpful);
        }
    }

    private static ReviewPage Page(IEnumerable<Review> reviews, ReviewSort sort, int skip, int take)
    {
        var all = ReviewStores.Sorted(reviews, sort).ToList();
        return new ReviewPage(all.Skip(skip).Take(take).ToList(), all.Count);
    }
}
