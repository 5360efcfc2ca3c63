using System.ComponentModel.DataAnnotations;
using Shop.Api.Infrastructure;
using Shop.Api.Features.Catalog;
using Shop.Grains.Catalog;

namespace Shop.Api.Features.Admin;

public static class ProductLimits
{
    public const long MaxPrice = 100_000_000_00; // ¥100,000,000.00
    public const int MaxStock = 1_000_000;
    public const int MaxImages = 10;
    public const int MaxAttributes = 30;
}

/// <summary>The body of create and update; stock is optional on update.</summary>
public sealed record ProductRequest(
    [property: Required, MaxLength(100), PlainText] string Name,
    [property: Required(AllowEmptyStrings = true, ErrorMessage = "description is required (it may be empty)."), MaxLength(5000), PlainText(Multiline = true)] string? Description,
    [property: Required, Range(1, ProductLimits.MaxPrice)] long? Price,
    [property: Required, MaxLength(40)] string Category,
    [property: MaxLength(50), PlainText] string? Brand = null,
    [property: MaxLength(ProductLimits.MaxImages)] List<string>? Images = null,
    [property: Range(0, ProductLimits.MaxStock)] int? Stock = null,
    Dictionary<string, string>? Attributes = null,
    [property: Range(0, ProductLimits.MaxStock)] int? LowStockThreshold = null)
{
    /// <summary>Checks what attributes cannot say: an active category, image URLs, attribute sizes.</summary>
    public Dictionary<string, string[]> Check(bool stockRequired, CategoryDirectory categories)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["The name cannot be empty."];
        }

        if (categories.FindActive(Category) is null)
        {
            errors["category"] = [$"Unknown category; use one of: {string.Join(", ", categories.Active.Select(c => c.Id))}."];
        }

        if (Images?.Any(i => i is null || i.Length > 500 || !IsImageUrl(i)) == true)
        {
            errors["images"] = ["Each image must be an http(s) URL or a path starting with /, at most 500 characters."];
        }

        if (Attributes is { } attributes && (attributes.Count > ProductLimits.MaxAttributes
            || attributes.Any(a => a.Key.Length is 0 or > 50 || a.Value is null || a.Value.Length > 200)))
        {
            errors["attributes"] = [$"At most {ProductLimits.MaxAttributes} attributes, names 1-50 and values up to 200 characters."];
        }

        if (stockRequired && Stock is null)
        {
            errors["stock"] = ["The stock is required."];
        }

        return errors;
    }

    public ProductDetails ToDetails(IReadOnlyList<string> defaultImages) => new(
        Name.Trim(), Description?.Trim() ?? "", Price!.Value, Category,
        string.IsNullOrWhiteSpace(Brand) ? null : Brand.Trim(),
        Images is { Count: > 0 } images ? images : defaultImages,
        Attributes ?? [],
        LowStockThreshold);

    private static bool IsImageUrl(string value) =>
        (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");
}

public sealed record StockRequest([property: Required, Range(0, ProductLimits.MaxStock)] int? Stock);
