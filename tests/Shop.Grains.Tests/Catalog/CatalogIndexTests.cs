using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Shop.Grains.Catalog;
using Shop.Grains.Common;

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
        var full = await Catalog.GetChanges(Guid.Empty, 0, int.MaxValue);
        Assert.True(full.IsFull);
        Assert.Contains(full.Entries, e => e.Id == id && e.Stock == 3);
    }

    [Fact]
    public async Task Stock_changes_reach_the_index_within_two_seconds_as_deltas()
    {
        var id = await Shopping.NewProduct(_grains, stock: 3);
        var before = await Catalog.GetChanges(Guid.Empty, 0, int.MaxValue);

        await _grains.GetGrain<IProductGrain>(id).SetStock(42);

        await Shopping.Eventually(async () =>
        {
            var delta = await Catalog.GetChanges(before.Epoch, before.Version, int.MaxValue);
            return !delta.IsFull && delta.Entries.Any(e => e.Id == id && e.Stock == 42);
        }, TimeSpan.FromSeconds(2), "the new stock in the catalog index");
    }

    [Fact]
    public async Task An_archived_product_is_a_delta_to_remove_and_absent_from_a_full_snapshot()
    {
        var id = await Shopping.NewProduct(_grains, stock: 3);
        var before = await Catalog.GetChanges(Guid.Empty, 0, int.MaxValue);

        await _grains.GetGrain<IProductGrain>(id).Archive();

        await Shopping.Eventually(async () =>
            (await Catalog.GetChanges(before.Epoch, before.Version, int.MaxValue)).Entries.Any(e => e.Id == id && e.Archived),
            TimeSpan.FromSeconds(2), "the archive in the catalog index");
        Assert.DoesNotContain((await Catalog.GetChanges(Guid.Empty, 0, int.MaxValue)).Entries, e => e.Id == id);
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

    [Fact]
    public async Task Concurrent_registrations_fill_bounded_pages_once_each_and_changes_come_in_pages()
    {
        await WithFreshCluster(async grains =>
        {
            var catalog = grains.GetGrain<ICatalogGrain>(0);
            var entries = Enumerable.Range(0, 2500).Select(i => Entry(ShopIds.New(), stock: i % 7)).ToList();
            // Many at once, as an import creates them: registrations that meet are written together.
            await Task.WhenAll(entries.Chunk(25).Select(batch => catalog.Register(batch)));
            await catalog.Register(entries.Take(10).ToList()); // a repeat adds nothing

            var pages = await Task.WhenAll(Enumerable.Range(0, 4).Select(p => grains.GetGrain<ICatalogPageGrain>(p).GetIds()));
            Assert.Equal([1000, 1000, 500, 0], pages.Select(p => p.Count));
            Assert.Equal(entries.Select(e => e.Id).Order(), pages.SelectMany(p => p).Order());

            var changes = await catalog.GetChanges(Guid.Empty, 0, 1000);
            var seen = changes.Entries.Select(e => e.Id).ToList();
            Assert.True(changes.IsFull && changes.HasMore);
            while (changes.HasMore)
            {
                changes = await catalog.GetChanges(changes.Epoch, changes.Version, 1000);
                Assert.False(changes.IsFull);
                seen.AddRange(changes.Entries.Select(e => e.Id));
            }

            Assert.Equal(entries.Select(e => e.Id).Order(), seen.Order());
        });
    }

    [Fact]
    public async Task A_catalog_stored_as_one_set_is_copied_into_pages_and_rebuilt_from_the_stored_products()
    {
        await WithFreshCluster(async grains =>
        {
            // As the first release left it: the products' states, and every id in the catalog's own state.
            var storage = _cluster!.ShopStorage();
            var ids = Enumerable.Range(0, 3).Select(_ => ShopIds.New()).ToList();
            foreach (var id in ids)
            {
                var product = new ProductState
                {
                    Details = new StoredProductDetails($"旧商品 {id[^4..]}", "描述", 1990, "home", null, [], new Dictionary<string, string>()),
                    Available = 5,
                    Revision = 1,
                };
                await storage.WriteStateAsync("product", GrainId.Create("product", id), new GrainState<ProductState>(product));
            }

            var catalogId = grains.GetGrain<ICatalogGrain>(0).GetGrainId();
            await storage.WriteStateAsync("catalog", catalogId, new GrainState<CatalogState>(new CatalogState { ProductIds = [.. ids] }));

            var catalog = grains.GetGrain<ICatalogGrain>(0);
            await Shopping.Eventually(async () => (await catalog.GetChanges(Guid.Empty, 0, int.MaxValue)).Entries.Count == 3,
                TimeSpan.FromSeconds(10), "the three stored products in the rebuilt index");
            Assert.All((await catalog.GetChanges(Guid.Empty, 0, int.MaxValue)).Entries, e => Assert.Equal(5, e.Stock));
            Assert.Equal(ids.Order(), (await grains.GetGrain<ICatalogPageGrain>(0).GetIds()).Order());
            var stored = new GrainState<CatalogState>(new CatalogState());
            await storage.ReadStateAsync("catalog", catalogId, stored);
            Assert.Equal(1, stored.State!.Pages);
            Assert.Equal(ids.Order(), stored.State.ProductIds.Order()); // kept for a rollback to the previous build
        });
    }

    private TestCluster? _cluster;

    private async Task WithFreshCluster(Func<IGrainFactory, Task> test)
    {
        var fresh = new ClusterFixture();
        await fresh.InitializeAsync();
        _cluster = fresh.Cluster;
        try
        {
            await test(fresh.Grains);
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    private static CatalogEntry Entry(string id, int stock) =>
        new(id, $"商品 {id[^6..]}", "描述", 1000, "home", null, "", stock, null, 0, false, DateTimeOffset.UtcNow, Revision: 1);
}
