using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Shop.Grains.Reviews;

namespace Shop.Grains.Tests.Support;

/// <summary>
/// The review store shared by every silo of the test clusters, with a failure to inject: a save that
/// reaches the store but whose caller never hears back (a process killed right after the write).
/// </summary>
public sealed class TestReviewStore : IReviewStore
{
    public static readonly TestReviewStore Instance = new();

    private readonly MemoryReviewStore _reviews = new();
    private readonly ConcurrentDictionary<string, bool> _lostAnswers = new();

    /// <summary>The next save of a review of the product is stored, then fails.</summary>
    public void LoseAnswerOfNextSave(string productId) => _lostAnswers[productId] = true;

    public async Task Save(Review review, CancellationToken cancellationToken = default)
    {
        await _reviews.Save(review, cancellationToken);
        if (_lostAnswers.TryRemove(review.ProductId, out _))
        {
            throw new TimeoutException("The review store did not answer.");
        }
    }

    public Task<Review?> Find(string reviewId, CancellationToken cancellationToken = default) => _reviews.Find(reviewId, cancellationToken);

    public Task Delete(string reviewId, CancellationToken cancellationToken = default) => _reviews.Delete(reviewId, cancellationToken);

    public Task<ReviewPage> ForProduct(string productId, ReviewSort sort, int skip, int take, bool includeHidden = false,
        CancellationToken cancellationToken = default) => _reviews.ForProduct(productId, sort, skip, take, includeHidden, cancellationToken);

    public Task<IReadOnlyList<Review>> ForOrder(string orderId, CancellationToken cancellationToken = default) => _reviews.ForOrder(orderId, cancellationToken);

    public Task<ReviewPage> Latest(bool? hidden, int skip, int take, CancellationToken cancellationToken = default) =>
        _reviews.Latest(hidden, skip, take, cancellationToken);

    public Task<int[]> Distribution(string productId, CancellationToken cancellationToken = default) => _reviews.Distribution(productId, cancellationToken);

    public Task<int?> Vote(string reviewId, string userId, CancellationToken cancellationToken = default) => _reviews.Vote(reviewId, userId, cancellationToken);

    public static void Register(IServiceCollection services) => services.AddSingleton<IReviewStore>(Instance);
}
