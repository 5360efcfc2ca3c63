using Shop.Api.Features.Media;
using Shop.Grains.Catalog;
using Shop.Grains.Common;

namespace Shop.Api.Seeding;

/// <summary>
/// Fills an empty catalog with the demo products: 26 per category, a spread of prices and stock,
/// some out of stock, created at times over the last half year. Deterministic but for the ids.
/// </summary>
internal sealed class DemoCatalogSeeder(IGrainFactory grains, DemoReviewsSeeder reviews, TimeProvider clock, ILogger<DemoCatalogSeeder> logger)
{
    public const int PerCategory = 26;

    public sealed record Seeded(int Products, int Reviews);

    public async Task<Seeded> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        // Several API nodes may start at once: only the one that claims the empty catalog seeds it.
        if (!await grains.GetGrain<ICatalogGrain>(0).ClaimSeeding())
        {
            return new Seeded(0, 0);
        }

        var products = Generate(clock.GetUtcNow()).ToList();
        await Parallel.ForEachAsync(products, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (p, _) => await grains.Get<IProductGrain>(p.Id).Create(p.Product));
        logger.LogInformation("Seeded the demo catalog with {Count} products", products.Count);
        return new Seeded(products.Count, await reviews.SeedAsync(products, cancellationToken));
    }

    public static IEnumerable<(string Id, NewProduct Product)> Generate(DateTimeOffset now)
    {
        var random = new Random(20261126);
        var serial = 0;
        foreach (var category in DemoCatalogData.Categories)
        {
            var names = new HashSet<string>();
            for (var i = 0; i < PerCategory; i++, serial++)
            {
                var template = category.Templates[i % category.Templates.Length];
                var round = i / category.Templates.Length;
                var brand = template.Brands[round % template.Brands.Length];
                string variant, name;
                var v = round;
                do
                {
                    variant = category.Variants[v++ % category.Variants.Length];
                    name = template.Name.Replace("{b}", brand).Replace("{v}", variant);
                }
                while (!names.Add(name));

                // Prices end in 9 yuan, as shops price them.
                var price = (template.MinPrice + (long)(random.NextDouble() * (template.MaxPrice - template.MinPrice))) / 1000 * 1000 + 900;
                var stock = serial % 37 == 5 ? 0 : random.Next(3, 500);
                var id = ShopIds.New();
                var details = new ProductDetails(
                    name,
                    $"{name}：{template.Pitch}。{brand} 官方正品，全国联保，7 天无理由退换，满 ¥99 包邮。",
                    price,
                    category.Category,
                    brand,
                    Enumerable.Range(0, MediaApi.ImagesPerProduct).Select(n => MediaApi.ImageUrl(id, n)).ToList(),
                    new Dictionary<string, string> { ["品牌 Brand"] = brand, ["规格 Spec"] = variant });
                // Ratings come from the demo reviews now; the draw stays so prices and stock stay as they were.
                _ = random.NextDouble();
                yield return (id, new NewProduct(details, stock,
                    Sold: random.Next(0, 5000),
                    CreatedAt: now - TimeSpan.FromHours(random.Next(1, 180 * 24))));
            }
        }
    }
}
