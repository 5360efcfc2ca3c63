using Microsoft.Extensions.Options;
using Shop.Grains.Common;
using Shop.Grains.Live;

namespace Shop.Api.Features.Live;

/// <summary>
/// This API node's side of the live feeds: one grain observer for all its readers, subscribed to each
/// feed while the node has a reader of it and renewed well within the feed's subscription lifetime, so
/// a node that dies simply stops being told. Bounds the streams per account and per node.
/// </summary>
public sealed class LiveUpdates(IGrainFactory grains, IOptions<LiveOptions> options, ILogger<LiveUpdates> logger)
    : BackgroundService, ILiveObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<LiveReader>> _readersByFeed = [];
    private readonly Dictionary<string, int> _streamsByUser = [];
    private readonly HashSet<string> _subscribed = [];
    private ILiveObserver? _reference;
    private int _streams;

    /// <summary>The observer's reference; Orleans holds the object weakly, this singleton keeps it alive.</summary>
    private ILiveObserver Reference
    {
        get
        {
            lock (_gate)
            {
                return _reference ??= grains.CreateObjectReference<ILiveObserver>(this);
            }
        }
    }

    Task ILiveObserver.Receive(LiveEvent liveEvent)
    {
        lock (_gate)
        {
            foreach (var reader in _readersByFeed.GetValueOrDefault(liveEvent.Feed) ?? [])
            {
                reader.Offer(liveEvent);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Opens a reader of the feeds, subscribed before it is returned; null when a bound is reached.</summary>
    public async Task<LiveReader?> Open(string userId, string[] feeds)
    {
        var reader = new LiveReader(userId, feeds);
        lock (_gate)
        {
            if (_streams >= options.Value.PerNode || _streamsByUser.GetValueOrDefault(userId) >= options.Value.PerUser)
            {
                return null;
            }

            _streams++;
            ShopMetrics.LiveStreams.Add(1);
            _streamsByUser[userId] = _streamsByUser.GetValueOrDefault(userId) + 1;
            foreach (var feed in feeds)
            {
                (_readersByFeed.TryGetValue(feed, out var readers) ? readers : _readersByFeed[feed] = []).Add(reader);
                _subscribed.Add(feed);
            }
        }

        try
        {
            reader.Start = await Task.WhenAll(feeds.Select(feed => grains.Get<ILiveFeedGrain>(feed).Subscribe(Reference)));
            return reader;
        }
        catch
        {
            Close(reader);
            throw;
        }
    }

    public void Close(LiveReader reader)
    {
        lock (_gate)
        {
            _streams--;
            ShopMetrics.LiveStreams.Add(-1);
            if (--_streamsByUser[reader.UserId] == 0)
            {
                _streamsByUser.Remove(reader.UserId);
            }

            foreach (var feed in reader.Feeds)
            {
                if (_readersByFeed.TryGetValue(feed, out var readers) && readers.Remove(reader) && readers.Count == 0)
                {
                    _readersByFeed.Remove(feed);
                }
            }
        }
    }

    /// <summary>Renews the feeds that have readers and leaves those that have had none since the last round.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ILiveFeedGrain.SubscriptionLifetime / 4);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            List<string> renew, leave;
            lock (_gate)
            {
                renew = _subscribed.Where(_readersByFeed.ContainsKey).ToList();
                leave = _subscribed.Except(renew).ToList();
                _subscribed.ExceptWith(leave);
            }

            await Task.WhenAll(renew.Select(feed => Try(feed, f => f.Subscribe(Reference)))
                .Concat(leave.Select(feed => Try(feed, f => f.Unsubscribe(Reference)))));
        }
    }

    private async Task Try(string feed, Func<ILiveFeedGrain, Task> call)
    {
        try
        {
            await call(grains.Get<ILiveFeedGrain>(feed));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not renew or leave a live feed subscription; the next round tries again");
        }
    }
}
