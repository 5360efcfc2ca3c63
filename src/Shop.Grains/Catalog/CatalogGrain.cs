using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Shop.Grains.Common;

namespace Shop.Grains.Catalog;

// Kept active: a rebuild reads every product, so it should not happen after every quiet spell.
[CollectionAgeLimit(AlwaysActive = true)]
internal sealed class CatalogGrain(
    [PersistentState("catalog", StorageNames.Shop)] IPersistentState<CatalogState> store,
    [FromKeyedServices(StorageNames.Shop)] IGrainStorage products,
    ILogger<CatalogGrain> logger) : Grain, ICatalogGrain
{
    // Product states read at once while rebuilding: the storage is not flooded, and no product grain
    // is activated for it (an activation each would hold memory for 100k products).
    private const int ReadsAtOnce = 64;

    // A new epoch per activation tells API nodes that versions restarted and they must reload.
    private readonly Guid _epoch = Guid.NewGuid();
    private readonly Dictionary<string, (CatalogEntry Entry, long Version)> _entries = [];
    private readonly SortedSet<(long Version, string Id)> _byVersion = [];
    private long _version;
    private bool _complete;

    // Registrations waiting for the registry write in progress (see Register).
    private List<(IReadOnlyList<CatalogEntry> Entries, TaskCompletionSource Registered)> _waiting = [];
    private Task? _registering;
    private readonly SemaphoreSlim _writing = new(1, 1);

    private CatalogState State => store.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!State.ProductIds.IsEmpty && State.Pages == 0)
        {
            // Stored by the first release as one set: copied into registry pages once. The set is
            // kept as it was, so the previous build still finds those products after a rollback.
            await AddToRegistry(State.ProductIds.ToList());
        }

        // Loaded a page at a time after activation: calls are answered meanwhile, with what is loaded.
        _ = Rebuild();
    }

    public async Task Register(IReadOnlyList<CatalogEntry> entries)
    {
        // Group commit: registrations that arrive while a page is being written wait and go
        // together in the next write, so many products created at once cost few registry writes.
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Add((entries, registered));
        if (_registering is not { IsCompleted: false })
        {
            _registering = RegisterWaiting();
        }

        await registered.Task;
    }

    private async Task RegisterWaiting()
    {
        while (_waiting.Count > 0)
        {
            var batch = _waiting;
            _waiting = [];
            try
            {
                var entries = batch.SelectMany(b => b.Entries).ToList();
                await AddToRegistry(entries.Where(e => !_entries.ContainsKey(e.Id)).Select(e => e.Id).Distinct().ToList());
                entries.ForEach(Put);
                batch.ForEach(b => b.Registered.SetResult());
            }
            catch (Exception e)
            {
                batch.ForEach(b => b.Registered.SetException(e));
            }
        }
    }

    public Task Update(CatalogEntry entry)
    {
        // An update for a product the index has never seen is dropped: it was never registered, so
        // it would not survive a rebuild (a product is registered before it can change).
        if (_entries.ContainsKey(entry.Id))
        {
            Put(entry);
        }

        return Task.CompletedTask;
    }

    public Task<CatalogChanges> GetChanges(Guid epoch, long sinceVersion, int max)
    {
        var full = epoch != _epoch;
        var after = full ? 0 : sinceVersion;
        // One more than asked for tells whether more follow.
        var changed = _byVersion.GetViewBetween((after + 1, ""), (long.MaxValue, "")).Take((int)Math.Min(max + 1L, int.MaxValue)).ToList();
        // A caller starting afresh has nothing to remove: archived products are left out for it.
        var page = changed.Take(max).Select(c => _entries[c.Id].Entry).Where(e => !full || !e.Archived).ToList();
        var version = changed.Count > max ? changed[max - 1].Version : _version;
        return Task.FromResult(new CatalogChanges(_epoch, version, full, page, HasMore: changed.Count > max, Complete: _complete));
    }

    public async Task<bool> ClaimSeeding()
    {
        var claimed = false;
        await Change(state =>
        {
            claimed = !state.SeedingClaimed && state.Pages == 0 && _entries.Count == 0;
            return claimed ? state with { SeedingClaimed = true } : state;
        });
        return claimed;
    }

    /// <summary>
    /// The one way the catalog's state is written: registrations interleave with other calls, so
    /// writes take turns, each changing the state as it is when its turn comes.
    /// </summary>
    private async Task Change(Func<CatalogState, CatalogState> change)
    {
        await _writing.WaitAsync();
        try
        {
            var next = change(State);
            if (!ReferenceEquals(next, State))
            {
                await store.SaveAsync(next);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Appends ids to the registry's last page, opening new pages as they fill.</summary>
    private async Task AddToRegistry(IReadOnlyList<string> ids)
    {
        var rest = ids;
        while (rest.Count > 0)
        {
            if (State.Pages == 0)
            {
                await Change(state => state with { Pages = Math.Max(state.Pages, 1) });
            }

            var taken = await GrainFactory.GetGrain<ICatalogPageGrain>(State.Pages - 1).Add(rest);
            rest = rest.Skip(taken).ToList();
            if (rest.Count > 0)
            {
                await Change(state => state with { Pages = state.Pages + 1 });
            }
        }
    }

    /// <summary>Reads every registered product's stored state, a page of ids at a time.</summary>
    private async Task Rebuild()
    {
        var loaded = 0;
        try
        {
            for (var page = 0; page < State.Pages; page++)
            {
                var ids = await GrainFactory.GetGrain<ICatalogPageGrain>(page).GetIds();
                foreach (var chunk in ids.Chunk(ReadsAtOnce))
                {
                    var views = await Task.WhenAll(chunk.Select(Read));
                    foreach (var view in views.OfType<ProductView>())
                    {
                        // An update that arrived while this was read is newer: Put keeps it.
                        Put(CatalogEntry.From(view));
                        loaded++;
                    }
                }
            }

            _complete = true;
            logger.LogInformation("Catalog index rebuilt from {Count} products in {Pages} registry pages", loaded, State.Pages);
        }
        catch (Exception e)
        {
            // The index is incomplete until the next activation: say so loudly, and start one.
            logger.LogError(e, "Rebuilding the catalog index failed after {Count} products; it is rebuilt on the next activation", loaded);
            DeactivateOnIdle();
        }
    }

    private async Task<ProductView?> Read(string id)
    {
        var state = new GrainState<ProductState>(new ProductState());
        await products.ReadStateAsync("product", GrainId.Create("product", id), state);
        return state is { RecordExists: true, State.Details: not null } ? state.State.ToView(id) : null;
    }

    private void Put(CatalogEntry entry)
    {
        // One-way updates are not ordered: an older revision arriving late must not undo a newer one.
        if (_entries.TryGetValue(entry.Id, out var known))
        {
            if (known.Entry.Revision > entry.Revision)
            {
                return;
            }

            _byVersion.Remove((known.Version, entry.Id));
        }

        _entries[entry.Id] = (entry, ++_version);
        _byVersion.Add((_version, entry.Id));
    }
}
