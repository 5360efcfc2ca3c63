namespace Shop.Grains.Catalog;

/// <summary>
/// The catalog index (key 0): every product's <see cref="CatalogEntry"/> in memory. It stores only
/// the registry of product ids, in pages of bounded size, and rebuilds the entries from the
/// products' stored state after a restart, a page at a time. API nodes pull changes into their
/// own snapshot and search there, so reads scale with API nodes.
/// </summary>
public interface ICatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Adds new products to the index (their ids are stored in the registry).</summary>
    Task Register(IReadOnlyList<CatalogEntry> entries);

    /// <summary>
    /// A product's new figures. One-way: a product never waits on the index, so the index may call
    /// products while rebuilding without a deadlock; a lost update is repaired by the next rebuild.
    /// </summary>
    [OneWay]
    Task Update(CatalogEntry entry);

    /// <summary>
    /// At most <paramref name="max"/> entries changed after <paramref name="sinceVersion"/> (all of
    /// them, from the start, when <paramref name="epoch"/> is not the index's). Ask again from the
    /// answer's version while <see cref="CatalogChanges.HasMore"/>.
    /// </summary>
    [ReadOnly]
    Task<CatalogChanges> GetChanges(Guid epoch, long sinceVersion, int max);

    /// <summary>True for exactly one caller, and only while the catalog is empty: that caller seeds the demo data.</summary>
    Task<bool> ClaimSeeding();
}
