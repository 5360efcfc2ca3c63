using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Shop.Api.Infrastructure;

namespace Shop.Api.Features.Catalog;

/// <summary>The query of GET /api/products (API.md), checked by the request validation.</summary>
public sealed record ProductQuery : PageQuery, IValidatableObject
{
    private const long PriceLimit = 100_000_000_00;

    [MaxLength(100, ErrorMessage = "The search may be at most 100 characters.")]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [FromQuery(Name = "category")]
    public string? Category { get; init; }

    [Range(0, PriceLimit, ErrorMessage = "minPrice must be between 0 and 10000000000 fen.")]
    [FromQuery(Name = "minPrice")]
    public long? MinPrice { get; init; }

    [Range(0, PriceLimit, ErrorMessage = "maxPrice must be between 0 and 10000000000 fen.")]
    [FromQuery(Name = "maxPrice")]
    public long? MaxPrice { get; init; }

    [FromQuery(Name = "inStock")]
    public bool? InStock { get; init; }

    [RegularExpression("^(relevance|price_asc|price_desc|newest|popular|rating)$",
        ErrorMessage = "sort must be relevance, price_asc, price_desc, newest, popular or rating.")]
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>The search words, or null for none.</summary>
    public string? Words => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();

    /// <summary>The order asked for; relevance when searching and newest otherwise, by default.</summary>
    public ProductSort Order => Sort switch
    {
        "relevance" => ProductSort.Relevance,
        "price_asc" => ProductSort.PriceAsc,
        "price_desc" => ProductSort.PriceDesc,
        "newest" => ProductSort.Newest,
        "popular" => ProductSort.Popular,
        "rating" => ProductSort.Rating,
        _ => Words is null ? ProductSort.Newest : ProductSort.Relevance,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinPrice > MaxPrice)
        {
            yield return new ValidationResult("maxPrice must not be below minPrice.", [nameof(MaxPrice)]);
        }
    }
}
