using System.Collections.Immutable;
using Shop.Grains.Common;

namespace Shop.Grains.Catalog;

/// <summary>
/// One page of the catalog's registry of product ids (key: the page number). Only the catalog
/// grain writes pages, one at a time, so a new product costs one bounded write however large the
/// catalog is. Silo-internal.
/// </summary>
public interface ICatalogPageGrain : IGrainWithIntegerKey
{
    /// <summary>Adds as many of the ids as the page has room for; returns how many it took.</summary>
    Task<int> Add(IReadOnlyList<string> productIds);

    [ReadOnly]
    Task<IReadOnlyList<string>> GetIds();
}

internal sealed class CatalogPageGrain(
    [PersistentState("catalog-page", StorageNames.Shop)] IPersistentState<CatalogPageState> store) : Grain, ICatalogPageGrain
{
    /// <summary>About 35 KB of ids: a page write stays small, and 100k products take 100 pages.</summary>
    public const int Capacity = 1000;

    public async Task<int> Add(IReadOnlyList<string> productIds)
    {
        var taken = productIds.Take(Capacity - store.State.ProductIds.Count).ToList();
        if (taken.Count > 0)
        {
            await store.SaveAsync(store.State with { ProductIds = store.State.ProductIds.AddRange(taken) });
        }

        return taken.Count;
    }

    public Task<IReadOnlyList<string>> GetIds() => Task.FromResult<IReadOnlyList<string>>(store.State.ProductIds);
}
