using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Infrastructure;
using Shop.Grains.Catalog;

namespace Shop.Api.Features.Catalog;

public static class CatalogApi
{
    private const int MaxQueryLength = 100;
    private const long MaxPrice = 100_000_000_00;

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Catalog");
        group.MapGet("/categories", ListCategories);
        group.MapGet("/products", ListProducts);
        group.MapGet("/products/{id}", GetProduct);
        return routes;
    }

    public static async Task<Ok<List<CategoryResponse>>> ListCategories(CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        var entries = await catalog.GetEntries(cancellationToken);
        var counts = entries.Values.CountBy(e => e.Category).ToDictionary();
        return TypedResults.Ok(Categories.All
            .Select(c => new CategoryResponse(c.Id, c.Name, c.NameEn, counts.GetValueOrDefault(c.Id)))
            .ToList());
    }

    public static async Task<Results<Ok<PagedList<ProductSummary>>, ProblemHttpResult>> ListProducts(
        CatalogSnapshot catalog, CancellationToken cancellationToken,
        string? q = null, string? category = null, long? minPrice = null, long? maxPrice = null,
        bool? inStock = null, string? sort = null, int? page = null, int? pageSize = null)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = Paging.Read(page, pageSize, errors);
        if (q is { Length: > MaxQueryLength })
        {
            errors["q"] = [$"The search may be at most {MaxQueryLength} characters."];
        }

        if (category is not null && Categories.Find(category) is null)
        {
            errors["category"] = ["Unknown category."];
        }

        if (minPrice is < 0 or > MaxPrice)
        {
            errors["minPrice"] = ["minPrice must be between 0 and 10000000000 fen."];
        }

        if (maxPrice is < 0 or > MaxPrice)
        {
            errors["maxPrice"] = ["maxPrice must be between 0 and 10000000000 fen."];
        }

        if (minPrice > maxPrice)
        {
            errors["maxPrice"] = ["maxPrice must not be below minPrice."];
        }

        var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        ProductSort? order = sort switch
        {
            null or "" => query is null ? ProductSort.Newest : ProductSort.Relevance,
            "relevance" => ProductSort.Relevance,
            "price_asc" => ProductSort.PriceAsc,
            "price_desc" => ProductSort.PriceDesc,
            "newest" => ProductSort.Newest,
            "popular" => ProductSort.Popular,
            _ => null,
        };
        if (order is null)
        {
            errors["sort"] = ["sort must be relevance, price_asc, price_desc, newest or popular."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var entries = await catalog.GetEntries(cancellationToken);
        var filter = new ProductFilter(query, category, minPrice, maxPrice, inStock == true, order!.Value);
        var matches = ProductSearch.Run(entries.Values, filter).ToList();
        var items = matches.Skip((pageNumber - 1) * size).Take(size).Select(ProductSummary.From).ToList();
        return TypedResults.Ok(new PagedList<ProductSummary>(items, matches.Count, pageNumber, size));
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProduct(string id, IGrainFactory grains)
    {
        var product = Ids.IsWellFormed(id) ? await grains.GetGrain<IProductGrain>(id).Get() : null;
        return product is { Archived: false }
            ? TypedResults.Ok(ProductResponse.From(product))
            : Problems.NotFound("No product with this id.");
    }
}
