using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Infrastructure;
using Shop.Grains.Catalog;
using Shop.Grains.Common;

namespace Shop.Api.Features.Catalog;

public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Catalog");
        group.MapGet("/categories", ListCategories);
        group.MapGet("/products", ListProducts);
        group.MapGet("/products/{id}", GetProductWithETag);
        return routes;
    }

    /// <summary>The active categories in the shoppers' order; a parent's count takes in its subcategories'.</summary>
    public static async Task<Ok<List<CategoryResponse>>> ListCategories(CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        var entries = await catalog.GetEntries(cancellationToken);
        var categories = await catalog.GetCategories(cancellationToken);
        var own = new int[categories.Active.Count + 1];
        foreach (var entry in entries.Values)
        {
            own[categories.Number(entry.Category)]++;
        }

        var counts = categories.RollUp(own);
        return TypedResults.Ok(categories.Active
            .Select((c, i) => new CategoryResponse(c.Id, c.Name, c.NameEn, counts[i + 1], c.ParentId))
            .ToList());
    }

    public static async Task<Results<Ok<ProductPage>, ProblemHttpResult>> ListProducts(
        [AsParameters] ProductQuery query, CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        if (query.Category is not null && (await catalog.GetCategories(cancellationToken)).FindActive(query.Category) is null)
        {
            return Problems.Invalid("category", "Unknown category.");
        }

        var filter = new ProductFilter(query.Words, query.Category, query.MinPrice, query.MaxPrice, query.InStock == true, query.Order);
        var page = await catalog.Search(filter, query.Skip, query.Size, cancellationToken);
        return TypedResults.Ok(new ProductPage(
            page.Items.Select(ProductSummary.From).ToList(), page.Total, query.PageNumber, query.Size, page.Facets));
    }

    /// <summary>
    /// A product for sale. An id the catalog snapshot does not know is answered from memory: a
    /// stranger trying random ids activates no grain and reads no storage.
    /// </summary>
    /// <summary>The product with its revision as ETag, for an admin's If-Match.</summary>
    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProductWithETag(
        string id, IGrainFactory grains, CatalogSnapshot catalog, HttpResponse response, CancellationToken cancellationToken)
    {
        var result = await GetProduct(id, grains, catalog, cancellationToken);
        if (result.Result is Ok<ProductResponse> { Value: { } product })
        {
            ProductETag.Set(response, product.Revision);
        }

        return result;
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProduct(
        string id, IGrainFactory grains, CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        var known = Ids.IsWellFormed(id) && await catalog.MayExist(id, cancellationToken);
        var product = known ? await grains.Get<IProductGrain>(id).Get() : null;
        return product is { Archived: false }
            ? TypedResults.Ok(ProductResponse.From(product))
            : Problems.NotFound(ErrorCodes.ProductNotFound, "No product with this id.");
    }
}
