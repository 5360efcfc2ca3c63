using Shop.Grains.Catalog;

namespace Shop.Api.Features.Catalog.Search;

public sealed record FacetCount(string Id, int Count);

/// <summary>How many products each category has, and how many are in stock, for the rest of the filter.</summary>
public sealed record CatalogFacets(IReadOnlyList<FacetCount> Categories, int InStock);

public sealed record CatalogPage(IReadOnlyList<CatalogEntry> Items, int Total, CatalogFacets Facets);
