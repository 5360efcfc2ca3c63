using Microsoft.Extensions.Logging;
using Shop.Grains.Common;

namespace Shop.Grains.Catalog;

// Kept active: a rebuild reads every product, so it should not happen after every quiet spell.
[CollectionAgeLimit(AlwaysActive = true)]
internal sealed class CatalogGrain(
    [PersistentState("catalog", StorageNames.Shop)] IPersistentState<CatalogState> store,
    ILogger<CatalogGrain> logger) : Grain, ICatalogGrain
{
    // A new epoch per activation tells API nodes that versions restarted and they must reload.
    private readonly Guid _epoch = Guid.NewGuid();
    private readonly Dictionary<string, (CatalogEntry Entry, long Version)> _entries = [];
    private long _version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var ids = store.State.ProductIds;
        var products = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IProductGrain>(id).Get()));
        foreach (var product in products.OfType<ProductView>())
        {
            Put(CatalogEntry.From(product));
        }

        logger.LogInformation("Catalog index rebuilt from {Count} products", _entries.Count);
    }

    public async Task Register(CatalogEntry entry)
    {
        if (!store.State.ProductIds.Contains(entry.Id))
        {
            await store.SaveAsync(store.State with { ProductIds = store.State.ProductIds.Add(entry.Id) });
        }

        Put(entry);
    }

    public Task Update(CatalogEntry entry)
    {
        // An update for an id the index never registered is dropped: its product would not survive a rebuild.
        if (store.State.ProductIds.Contains(entry.Id))
        {
            Put(entry);
        }

        return Task.CompletedTask;
    }

    public Task<CatalogChanges> GetChanges(Guid epoch, long sinceVersion)
    {
        var full = epoch != _epoch;
        var entries = _entries.Values
            .Where(e => full ? !e.Entry.Archived : e.Version > sinceVersion)
            .Select(e => e.Entry)
            .ToList();
        return Task.FromResult(new CatalogChanges(_epoch, _version, full, entries));
    }

    public async Task<bool> ClaimSeeding()
    {
        if (store.State.SeedingClaimed || !store.State.ProductIds.IsEmpty)
        {
            return false;
        }

        await store.SaveAsync(store.State with { SeedingClaimed = true });
        return true;
    }

    private void Put(CatalogEntry entry)
    {
        // One-way updates are not ordered: an older revision arriving late must not undo a newer one.
        if (_entries.TryGetValue(entry.Id, out var known) && known.Entry.Revision > entry.Revision)
        {
            return;
        }

        _entries[entry.Id] = (entry, ++_version);
    }
}
