using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Shop.Grains.Live;

/// <summary>
/// A feed of live changes, held in memory only: the orders and carts it tells of are stored, and a
/// reader that finds a gap (a new epoch) reads them again. Grain observers carry the events to the API
/// nodes because the nodes are Orleans clients (a broadcast channel only reaches silos), the events
/// need no storage of their own, and a node's one observer serves all its readers of the feed.
/// </summary>
// Every cart write of every shopper reaches a feed, watched or not: an unwatched one leaves memory
// after two idle minutes, and keeps no events (no reader of this epoch could ask for them).
[CollectionAgeLimit(Minutes = 2)]
internal sealed class LiveFeedGrain(ILogger<LiveFeedGrain> logger) : Grain, ILiveFeedGrain
{
    private readonly ObserverManager<ILiveObserver> _observers = new(ILiveFeedGrain.SubscriptionLifetime, logger);
    private readonly Queue<LiveEvent> _recent = new();
    private readonly string _epoch = Guid.NewGuid().ToString("N")[..12];
    private long _sequence;
    private bool _watched;

    /// <summary>Enough for a reconnect after a short drop: a shopper's few changes, or the admins' feed of every order.</summary>
    private int Kept => this.GetPrimaryKeyString() == LiveFeeds.Admins ? 500 : 100;

    public Task Publish(LiveChange change)
    {
        var liveEvent = new LiveEvent(this.GetPrimaryKeyString(), _epoch, ++_sequence, change);
        if (!_watched)
        {
            return Task.CompletedTask;
        }

        _recent.Enqueue(liveEvent);
        if (_recent.Count > Kept)
        {
            _recent.Dequeue();
        }

        _observers.Notify(observer => observer.Receive(liveEvent));
        return Task.CompletedTask;
    }

    public Task<LivePosition> Subscribe(ILiveObserver observer)
    {
        _observers.Subscribe(observer, observer);
        _watched = true;
        return Task.FromResult(new LivePosition(_epoch, _sequence));
    }

    public Task Unsubscribe(ILiveObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LiveEvent>?> Since(LivePosition position)
    {
        var oldestKept = _recent.TryPeek(out var oldest) ? oldest.Sequence : _sequence + 1;
        var complete = position.Epoch == _epoch && position.Sequence <= _sequence && position.Sequence >= oldestKept - 1;
        return Task.FromResult<IReadOnlyList<LiveEvent>?>(complete ? _recent.Where(e => e.Sequence > position.Sequence).ToList() : null);
    }
}
