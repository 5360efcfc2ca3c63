using System.Collections.Concurrent;
using Shop.Grains.Catalog;

namespace Shop.Api.Features.Catalog.Search;

/// <summary>
/// One refresh's catalog, arranged for lists: a <see cref="CatalogLayout"/> (the sort orders and
/// each category's products by price) with the current entries and, per category, running counts
/// of the products in stock along the price order, so a count of any category, price range and
/// stock filter is two binary searches. Immutable: requests share it while the next refresh builds
/// a new one; a refresh that changed only stock keeps the layout and recounts in O(n).
/// </summary>
public sealed class CatalogView
{
    private readonly CatalogLayout _layout;
    private readonly CatalogEntry[] _rows;
    private readonly bool[] _stocked;

    // Per category (index 0: all): how many of its first i rows by price are in stock.
    private readonly int[][] _stockedBefore;

    // Per search already made: its hits in stock, per category (stock moves with every order).
    private readonly ConcurrentDictionary<FoundRows, int[]> _stockedHits = new(ReferenceEqualityComparer.Instance);

    private CatalogView(CatalogLayout layout, CatalogEntry[] rows)
    {
        _layout = layout;
        _rows = rows;
        _stocked = rows.Select(r => r.Stock > 0).ToArray();
        _stockedBefore = layout.RowsByPrice.Select(byPrice =>
        {
            var before = new int[byPrice.Length + 1];
            for (var i = 0; i < byPrice.Length; i++)
            {
                before[i + 1] = before[i] + (_stocked[byPrice[i]] ? 1 : 0);
            }

            return before;
        }).ToArray();
    }

    public static readonly CatalogView Empty = Create([], new Dictionary<string, int>(), CategoryDirectory.Defaults);

    /// <summary>A view with a new layout: products came or went, or a price or sales figure changed.</summary>
    /// <param name="entries">The products for sale, archived ones excluded.</param>
    /// <param name="ordinals">Each product's document in the text index.</param>
    public static CatalogView Create(IReadOnlyCollection<CatalogEntry> entries, IReadOnlyDictionary<string, int> ordinals, CategoryDirectory categories)
    {
        var layout = new CatalogLayout(entries, ordinals, categories);
        var byId = entries.ToDictionary(e => e.Id);
        return new CatalogView(layout, layout.Ids.Select(id => byId[id]).ToArray());
    }

    public CategoryDirectory Categories => _layout.Categories;

    /// <summary>This view with new stock figures for some of its products; null when a change needs a new layout.</summary>
    public CatalogView? WithStockOf(IReadOnlyCollection<CatalogEntry> changed)
    {
        var rows = (CatalogEntry[])_rows.Clone();
        foreach (var entry in changed)
        {
            if (!_layout.RowOfId.TryGetValue(entry.Id, out var row) || !SameButStock(rows[row], entry))
            {
                return null;
            }

            rows[row] = entry;
        }

        return new CatalogView(_layout, rows);
    }

    /// <summary>
    /// A page of the products matching the filter, with its facets. With words, <paramref name="search"/>
    /// finds their hits in the text index once per layout: a popular search is looked up once.
    /// </summary>
    public CatalogPage Query(ProductFilter filter, IReadOnlyList<string> words, Func<IReadOnlyList<string>, List<(int Ordinal, float Score)>> search, int skip, int take)
    {
        var category = _layout.Categories.Number(filter.Category);
        if (words.Count == 0)
        {
            return Browse(filter, category, skip, take);
        }

        var found = _layout.Found(words, filter.Sort, search);
        return filter.MinPrice is null && filter.MaxPrice is null
            ? FoundAtAnyPrice(filter, category, found, skip, take)
            : Found(filter, category, found.Rows, skip, take);
    }

    /// <summary>No words: counts from the price orders, the page from the precomputed sort order.</summary>
    private CatalogPage Browse(ProductFilter filter, int category, int skip, int take)
    {
        var perCategory = Categories.Active.Select((c, i) => new FacetCount(c.Id, Count(i + 1, filter.MinPrice, filter.MaxPrice, filter.InStock))).ToList();
        var total = Count(category, filter.MinPrice, filter.MaxPrice, filter.InStock);
        var inStock = Count(category, filter.MinPrice, filter.MaxPrice, inStockOnly: true);
        var items = total > skip ? Page(_layout.Order(filter.Sort), row => Matches(row, filter, category), skip, take) : [];
        return new CatalogPage(items, total, new CatalogFacets(perCategory, inStock));
    }

    /// <summary>Words at any price: the counts come with the hits; the page stops scanning when full.</summary>
    private CatalogPage FoundAtAnyPrice(ProductFilter filter, int category, FoundRows found, int skip, int take)
    {
        var stocked = _stockedHits.GetOrAdd(found, StockedByCategory);
        var perCategory = filter.InStock ? stocked : found.PerCategory;
        var facets = Categories.Active.Select((c, i) => new FacetCount(c.Id, perCategory[i + 1])).ToList();
        var total = perCategory[category];
        var inStock = stocked[category];
        var items = Page(found.Rows, row => Matches(row, filter, category), skip, take);
        return new CatalogPage(items, total, new CatalogFacets(facets, inStock));
    }

    /// <summary>Words and a price range: one pass over the hits filters, counts and pages them.</summary>
    private CatalogPage Found(ProductFilter filter, int category, int[] found, int skip, int take)
    {
        var own = new int[Categories.Active.Count + 1];
        var inStock = 0;
        var total = 0;
        var items = new List<CatalogEntry>(take);
        foreach (var row in found)
        {
            if (!InPriceRange(row, filter))
            {
                continue;
            }

            var stocked = _stocked[row];
            var rowCategory = _layout.CategoryOf[row];
            if (stocked || !filter.InStock)
            {
                own[rowCategory]++;
            }

            if (!Categories.IsIn(rowCategory, category))
            {
                continue;
            }

            inStock += stocked ? 1 : 0;
            if (stocked || !filter.InStock)
            {
                if (total >= skip && items.Count < take)
                {
                    items.Add(_rows[row]);
                }

                total++;
            }
        }

        var perCategory = Categories.RollUp(own);
        var facets = Categories.Active.Select((c, i) => new FacetCount(c.Id, perCategory[i + 1])).ToList();
        return new CatalogPage(items, total, new CatalogFacets(facets, inStock));
    }

    private List<CatalogEntry> Page(int[] order, Func<int, bool> matches, int skip, int take)
    {
        var items = new List<CatalogEntry>(take);
        var seen = 0;
        for (var i = 0; i < order.Length && items.Count < take; i++)
        {
            if (matches(order[i]) && seen++ >= skip)
            {
                items.Add(_rows[order[i]]);
            }
        }

        return items;
    }

    private int[] StockedByCategory(FoundRows found)
    {
        var own = new int[Categories.Active.Count + 1];
        foreach (var row in found.Rows)
        {
            own[_layout.CategoryOf[row]] += _stocked[row] ? 1 : 0;
        }

        return Categories.RollUp(own);
    }

    /// <summary>How many products of a category (0: all) lie in the price range, in stock or all of them.</summary>
    private int Count(int category, long? minPrice, long? maxPrice, bool inStockOnly)
    {
        var byPrice = _layout.RowsByPrice[category];
        var from = minPrice is { } min ? FirstAtLeast(byPrice, min) : 0;
        var to = maxPrice is { } max ? FirstAtLeast(byPrice, max + 1) : byPrice.Length;
        var before = _stockedBefore[category];
        return to <= from ? 0 : inStockOnly ? before[to] - before[from] : to - from;
    }

    private int FirstAtLeast(int[] byPrice, long price)
    {
        int low = 0, high = byPrice.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_layout.Price[byPrice[middle]] < price)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private bool Matches(int row, ProductFilter filter, int category) =>
        Categories.IsIn(_layout.CategoryOf[row], category) && InPriceRange(row, filter) && (!filter.InStock || _stocked[row]);

    private bool InPriceRange(int row, ProductFilter filter) =>
        (filter.MinPrice is not { } min || _layout.Price[row] >= min) && (filter.MaxPrice is not { } max || _layout.Price[row] <= max);

    private static bool SameButStock(CatalogEntry a, CatalogEntry b) => a with { Stock = b.Stock, Revision = b.Revision } == b;
}
