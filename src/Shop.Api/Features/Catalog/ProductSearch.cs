using System.Text.RegularExpressions;

namespace Shop.Api.Features.Catalog;

public enum ProductSort
{
    Relevance,
    PriceAsc,
    PriceDesc,
    Newest,
    Popular,
    Rating,
}

public sealed record ProductFilter(
    string? Query, string? Category, long? MinPrice, long? MaxPrice, bool InStock, ProductSort Sort);

/// <summary>
/// How a search is split into words: at spaces and punctuation, except the characters that also sit
/// inside words ("Wi-Fi", "2.5", "C++", "AT&amp;T", "L'Oréal"). Every word must appear in the name,
/// brand, category (id or either language's name) or description (see Search/CatalogTextIndex).
/// </summary>
public static class ProductSearch
{
    private static readonly Regex Separators = new(@"[\s\p{P}\p{S}-[\-.+&']]+", RegexOptions.CultureInvariant);

    public static string[] Words(string? query) =>
        Separators.Split(query ?? "").Select(word => word.Trim('-', '.', '\'')).Where(word => word.Length > 0).ToArray();
}
