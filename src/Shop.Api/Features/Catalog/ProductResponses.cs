using Shop.Api.Features.Catalog.Search;
using Shop.Grains.Catalog;

namespace Shop.Api.Features.Catalog;

public sealed record ProductSummary(
    string Id, string Name, long Price, string Category, string? Brand, string ImageUrl, int Stock, double? Rating, int ReviewCount)
{
    public static ProductSummary From(CatalogEntry e) => new(e.Id, e.Name, e.Price, e.Category, e.Brand, e.ImageUrl, e.Stock, e.Rating, e.ReviewCount);
}

public sealed record ProductResponse(
    string Id, string Name, long Price, string Category, string? Brand, string ImageUrl, int Stock, double? Rating,
    string Description, IReadOnlyList<string> Images, IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Revision, int? LowStockThreshold, int ReviewCount)
{
    public static ProductResponse From(ProductView p) => new(
        p.Id, p.Details.Name, p.Details.Price, p.Details.Category, p.Details.Brand, p.ImageUrl, p.Stock, p.Rating,
        p.Details.Description, p.Details.Images, p.Details.Attributes, p.CreatedAt, p.UpdatedAt, p.Revision, p.Details.LowStockThreshold, p.ReviewCount);
}

/// <summary>A page of products (API.md's page of `productSummary`) with the counts the filters show.</summary>
public sealed record ProductPage(IReadOnlyList<ProductSummary> Items, int Total, int Page, int PageSize, CatalogFacets Facets);

/// <param name="ParentId">The top-level category a subcategory belongs to; null for a top-level one.</param>
public sealed record CategoryResponse(string Id, string Name, string NameEn, int ProductCount, string? ParentId);
