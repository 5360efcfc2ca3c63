using Shop.Grains.Catalog;

namespace Shop.Api.Features.Catalog;

public enum ProductSort
{
    Relevance,
    PriceAsc,
    PriceDesc,
    Newest,
    Popular,
}

public sealed record ProductFilter(
    string? Query, string? Category, long? MinPrice, long? MaxPrice, bool InStock, ProductSort Sort);

/// <summary>
/// Matching and ranking over the catalog snapshot. Every word of the query must appear, in any case,
/// in the name, brand, category (id or either language's name) or description; Chinese matches as
/// substrings. Hits in the name count most.
/// </summary>
public static class ProductSearch
{
    public static IEnumerable<CatalogEntry> Run(IEnumerable<CatalogEntry> entries, ProductFilter filter)
    {
        var words = (filter.Query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var matches = entries
            .Where(e => filter.Category is null || e.Category == filter.Category)
            .Where(e => filter.MinPrice is null || e.Price >= filter.MinPrice)
            .Where(e => filter.MaxPrice is null || e.Price <= filter.MaxPrice)
            .Where(e => !filter.InStock || e.Stock > 0)
            .Select(e => (Entry: e, Score: Score(e, words)))
            .Where(m => m.Score > 0 || words.Length == 0);

        var sorted = filter.Sort switch
        {
            ProductSort.Relevance => matches.OrderByDescending(m => m.Score).ThenByDescending(m => m.Entry.Sold),
            ProductSort.PriceAsc => matches.OrderBy(m => m.Entry.Price),
            ProductSort.PriceDesc => matches.OrderByDescending(m => m.Entry.Price),
            ProductSort.Popular => matches.OrderByDescending(m => m.Entry.Sold),
            _ => matches.OrderByDescending(m => m.Entry.CreatedAt),
        };
        // Ties broken by id so paging is stable.
        return sorted.ThenBy(m => m.Entry.Id, StringComparer.Ordinal).Select(m => m.Entry);
    }

    private static int Score(CatalogEntry entry, string[] words)
    {
        var category = Categories.Find(entry.Category);
        var score = 0;
        foreach (var word in words)
        {
            var hit = 0;
            hit += Contains(entry.Name, word) ? 8 : 0;
            hit += Contains(entry.Brand, word) ? 4 : 0;
            hit += Contains(entry.Category, word) || Contains(category?.Name, word) || Contains(category?.NameEn, word) ? 2 : 0;
            hit += Contains(entry.Description, word) ? 1 : 0;
            if (hit == 0)
            {
                return 0;
            }

            score += hit;
        }

        return score;
    }

    private static bool Contains(string? text, string word) =>
        text is not null && text.Contains(word, StringComparison.OrdinalIgnoreCase);
}
