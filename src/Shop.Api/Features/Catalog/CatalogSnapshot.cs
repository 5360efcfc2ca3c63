using System.Collections.Immutable;
using Shop.Grains.Catalog;

namespace Shop.Api.Features.Catalog;

/// <summary>
/// This API node's copy of the catalog index, refreshed from the catalog grain at most once a
/// second by pulling only what changed. Lists and searches run here, so they scale with API nodes
/// and cost the cluster nothing per request.
/// </summary>
public sealed class CatalogSnapshot(IGrainFactory grains, TimeProvider clock, ILogger<CatalogSnapshot> logger)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile State _state = State.Empty;

    public async ValueTask<ImmutableDictionary<string, CatalogEntry>> GetEntries(CancellationToken cancellationToken)
    {
        var state = _state;
        if (clock.GetUtcNow() - state.FetchedAt < MaxAge)
        {
            return state.Entries;
        }

        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - _state.FetchedAt >= MaxAge)
            {
                _state = await Refresh(_state);
            }

            return _state.Entries;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>Makes the next read fetch, so a writer on this node sees its own change.</summary>
    public void Invalidate() => _state = _state with { FetchedAt = DateTimeOffset.MinValue };

    private async Task<State> Refresh(State current)
    {
        try
        {
            var changes = await grains.GetGrain<ICatalogGrain>(0).GetChanges(current.Epoch, current.Version);
            var entries = changes.IsFull ? ImmutableDictionary<string, CatalogEntry>.Empty : current.Entries;
            var builder = entries.ToBuilder();
            foreach (var entry in changes.Entries)
            {
                if (entry.Archived)
                {
                    builder.Remove(entry.Id);
                }
                else
                {
                    builder[entry.Id] = entry;
                }
            }

            return new State(changes.Epoch, changes.Version, builder.ToImmutable(), clock.GetUtcNow());
        }
        catch (Exception e) when (current.Epoch != Guid.Empty)
        {
            // Serving a slightly stale catalog beats failing; try again after another interval.
            logger.LogWarning(e, "Could not refresh the catalog; serving the copy from {FetchedAt}", current.FetchedAt);
            return current with { FetchedAt = clock.GetUtcNow() };
        }
    }

    private sealed record State(Guid Epoch, long Version, ImmutableDictionary<string, CatalogEntry> Entries, DateTimeOffset FetchedAt)
    {
        public static readonly State Empty = new(Guid.Empty, 0, ImmutableDictionary<string, CatalogEntry>.Empty, DateTimeOffset.MinValue);
    }
}
