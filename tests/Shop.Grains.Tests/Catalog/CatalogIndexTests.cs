using Shop.Grains.Catalog;

namespace Shop.Grains.Tests.Catalog;

[Collection(ClusterCollection.Name)]
public sealed class CatalogIndexTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private ICatalogGrain Catalog => _grains.GetGrain<ICatalogGrain>(0);

    [Fact]
    public async Task A_new_product_is_in_the_index_at_once()
    {
        var id = await Shopping.NewProduct(_grains, stock: 3);
        var full = await Catalog.GetChanges(Guid.Empty, 0);
        Assert.True(full.IsFull);
        Assert.Contains(full.Entries, e => e.Id == id && e.Stock == 3);
    }

    [Fact]
    public async Task Stock_changes_reach_the_index_within_two_seconds_as_deltas()
    {
        var id = await Shopping.NewProduct(_grains, stock: 3);
        var before = await Catalog.GetChanges(Guid.Empty, 0);

        await _grains.GetGrain<IProductGrain>(id).SetStock(42);

        await Shopping.Eventually(async () =>
        {
            var delta = await Catalog.GetChanges(before.Epoch, before.Version);
            return !delta.IsFull && delta.Entries.Any(e => e.Id == id && e.Stock == 42);
        }, TimeSpan.FromSeconds(2), "the new stock in the catalog index");
    }

    [Fact]
    public async Task An_archived_product_is_a_delta_to_remove_and_absent_from_a_full_snapshot()
    {
        var id = await Shopping.NewProduct(_grains, stock: 3);
        var before = await Catalog.GetChanges(Guid.Empty, 0);

        await _grains.GetGrain<IProductGrain>(id).Archive();

        await Shopping.Eventually(async () =>
            (await Catalog.GetChanges(before.Epoch, before.Version)).Entries.Any(e => e.Id == id && e.Archived),
            TimeSpan.FromSeconds(2), "the archive in the catalog index");
        Assert.DoesNotContain((await Catalog.GetChanges(Guid.Empty, 0)).Entries, e => e.Id == id);
    }

    [Fact]
    public async Task Seeding_is_claimed_once_and_never_once_products_exist()
    {
        // The shared cluster's catalog is not empty: a claim is refused once a product exists.
        await Shopping.NewProduct(_grains, stock: 1);
        Assert.False(await Catalog.ClaimSeeding());

        // A cluster of its own starts with an empty catalog: of several API nodes starting at once, one seeds.
        var fresh = new ClusterFixture();
        await fresh.InitializeAsync();
        try
        {
            var catalog = fresh.Grains.GetGrain<ICatalogGrain>(0);
            var claims = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => catalog.ClaimSeeding()));
            Assert.Single(claims, claimed => claimed);
            Assert.False(await catalog.ClaimSeeding());
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }
}
