using System.Text.RegularExpressions;
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
/// Matching and ranking over the catalog snapshot. The query's words are split at spaces and
/// punctuation; every word must appear, in any case, in the name, brand, category (id or either
/// language's name) or description. Chinese matches as substrings; a Latin word anywhere too, but
/// it counts double at the start of a word ("phone" ranks "Phones" above "Headphones"). Hits in the
/// name count most.
/// </summary>
public static class ProductSearch
{
    public static IEnumerable<CatalogEntry> Run(IEnumerable<CatalogEntry> entries, ProductFilter filter)
    {
        var words = Words(filter.Query);
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

    // Spaces, punctuation and symbols separate words, except those that also sit inside them
    // ("Wi-Fi", "2.5", "C++", "AT&T", "L'Oréal").
    private static readonly Regex Separators = new(@"[\s\p{P}\p{S}-[\-.+&']]+", RegexOptions.CultureInvariant);

    public static string[] Words(string? query) =>
        Separators.Split(query ?? "").Select(word => word.Trim('-', '.', '\'')).Where(word => word.Length > 0).ToArray();

    private static int Score(CatalogEntry entry, string[] words)
    {
        var category = Categories.Find(entry.Category);
        var score = 0;
        foreach (var word in words)
        {
            var hit = 0;
            hit += 8 * Match(entry.Name, word);
            hit += 4 * Match(entry.Brand, word);
            hit += 2 * Math.Max(Match(entry.Category, word), Math.Max(Match(category?.Name, word), Match(category?.NameEn, word)));
            hit += Match(entry.Description, word);
            if (hit == 0)
            {
                return 0;
            }

            score += hit;
        }

        return score;
    }

    /// <summary>2 for a hit at the start of a word (or any hit of a Chinese word), 1 inside a Latin word, 0 for none.</summary>
    private static int Match(string? text, string word)
    {
        if (text is null)
        {
            return 0;
        }

        var best = 0;
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (!char.IsAsciiLetterOrDigit(word[0]) || at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1]))
            {
                return 2;
            }

            best = 1;
        }

        return best;
    }
}
