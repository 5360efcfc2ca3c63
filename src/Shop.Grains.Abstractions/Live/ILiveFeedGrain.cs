using Shop.Grains.Common;

namespace Shop.Grains.Live;

/// <summary>
/// One feed of live changes (key: <see cref="LiveFeeds"/>): a shopper's orders and cart, or every
/// order for the admins. API nodes subscribe while they have readers of the feed, and renew the
/// subscription at least every <see cref="SubscriptionLifetime"/>; the grain keeps its latest events in
/// memory so a reader that reconnects gets what it missed.
/// </summary>
public interface ILiveFeedGrain : IGrainWithStringKey
{
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>One-way: a change is never slowed or failed by its readers.</summary>
    [OneWay]
    Task Publish(LiveChange change);

    /// <summary>Adds or renews a subscriber; answers the feed's current position.</summary>
    [Idempotent]
    Task<LivePosition> Subscribe(ILiveObserver observer);

    [Idempotent]
    Task Unsubscribe(ILiveObserver observer);

    /// <summary>The events after <paramref name="position"/>, or null when they are no longer all kept (a new epoch, or too old).</summary>
    [ReadOnly]
    Task<IReadOnlyList<LiveEvent>?> Since(LivePosition position);
}

/// <summary>An API node's receiver of live events, for all its readers.</summary>
public interface ILiveObserver : IGrainObserver
{
    [OneWay]
    Task Receive(LiveEvent liveEvent);
}
