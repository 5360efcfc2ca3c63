namespace Shop.Grains.Catalog;

/// <summary>
/// The catalog index (key 0): every product's <see cref="CatalogEntry"/> in memory. It persists only
/// the list of product ids and rebuilds entries from the product grains on activation. API nodes
/// pull changes into their own snapshot and search there, so reads scale with API nodes.
/// </summary>
public interface ICatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a new product to the index (persisted).</summary>
    Task Register(CatalogEntry entry);

    /// <summary>
    /// A product's new figures. One-way: a product never waits on the index, so the index may call
    /// products while rebuilding without a deadlock; a lost update is repaired by the next rebuild.
    /// </summary>
    [OneWay]
    Task Update(CatalogEntry entry);

    [ReadOnly]
    Task<CatalogChanges> GetChanges(Guid epoch, long sinceVersion);

    /// <summary>True for exactly one caller, and only while the catalog is empty: that caller seeds the demo data.</summary>
    Task<bool> ClaimSeeding();
}
