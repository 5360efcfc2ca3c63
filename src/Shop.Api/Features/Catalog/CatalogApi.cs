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

    public static async Task<Ok<List<CategoryResponse>>> ListCategories(CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        var entries = await catalog.GetEntries(cancellationToken);
        var counts = entries.Values.CountBy(e => e.Category).ToDictionary();
        return TypedResults.Ok(Categories.All
            .Select(c => new CategoryResponse(c.Id, c.Name, c.NameEn, counts.GetValueOrDefault(c.Id)))
            .ToList());
    }

    public static async Task<Ok<ProductPage>> ListProducts(
        [AsParameters] ProductQuery query, CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
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
        var product = known ? await grains.GetGrain<IProductGrain>(id).Get() : null;
        return product is { Archived: false }
            ? TypedResults.Ok(ProductResponse.From(product))
            : Problems.NotFound(ErrorCodes.ProductNotFound, "No product with this id.");
    }
}
