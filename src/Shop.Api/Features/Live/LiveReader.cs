using System.Threading.Channels;
using Shop.Grains.Live;

namespace Shop.Api.Features.Live;

/// <summary>One open live stream on this node: the events of its feeds, queued for it.</summary>
public sealed class LiveReader(string userId, string[] feeds)
{
    /// <summary>A reader that falls this far behind is told to read everything again instead.</summary>
    private const int Capacity = 256;

    private readonly Channel<LiveEvent> _events = Channel.CreateBounded<LiveEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public string UserId { get; } = userId;

    public string[] Feeds { get; } = feeds;

    /// <summary>Where each feed stood when this reader subscribed, in the order of <see cref="Feeds"/>.</summary>
    public IReadOnlyList<LivePosition> Start { get; set; } = [];

    public ChannelReader<LiveEvent> Events => _events.Reader;

    /// <summary>An event was dropped because the reader was full: it must read everything again.</summary>
    public bool Overflowed { get; set; }

    public int IndexOf(string feed) => Array.IndexOf(Feeds, feed);

    public void Offer(LiveEvent liveEvent)
    {
        if (!_events.Writer.TryWrite(liveEvent))
        {
            Overflowed = true;
        }
    }
}
