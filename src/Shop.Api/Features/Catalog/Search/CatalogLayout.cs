using System.Collections.Concurrent;
using Shop.Grains.Catalog;

namespace Shop.Api.Features.Catalog.Search;

/// <summary>
/// What lists need that changes only when products come, go, or change price or sales: the
/// products in every sort order, their ranks, each category's products by price, and the searches
/// already sorted. Built once per such change (not per request); a change of stock alone keeps it
/// (see <see cref="CatalogView"/>).
/// </summary>
internal sealed class CatalogLayout
{
    public const int AllCategories = CategoryDirectory.AllCategories;

    private const int MaxFoundRows = 4_000_000;

    private readonly int[][] _orders;
    private readonly int[][] _ranks;
    private readonly int[] _rowOfOrdinal;

    // Searches already made: their hits as rows, in the order asked for. Stock does not change them.
    private readonly ConcurrentDictionary<(string Words, ProductSort Sort), FoundRows> _found = new();
    private int _foundRows;

    /// <param name="entries">The products for sale, archived ones excluded.</param>
    /// <param name="ordinals">Each product's document in the text index.</param>
    /// <param name="categories">The categories products are listed under, numbered.</param>
    public CatalogLayout(IEnumerable<CatalogEntry> entries, IReadOnlyDictionary<string, int> ordinals, CategoryDirectory categories)
    {
        Categories = categories;
        // Rows in id order, so the row number is the id tie-break every order ends with.
        Ids = entries.Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();
        RowOfId = new Dictionary<string, int>(Ids.Length);
        for (var row = 0; row < Ids.Length; row++)
        {
            RowOfId[Ids[row]] = row;
        }

        _rowOfOrdinal = new int[ordinals.Count == 0 ? 0 : ordinals.Values.Max() + 1];
        Array.Fill(_rowOfOrdinal, -1);
        foreach (var (id, ordinal) in ordinals)
        {
            if (RowOfId.TryGetValue(id, out var row))
            {
                _rowOfOrdinal[ordinal] = row;
            }
        }

        var byId = entries.ToDictionary(e => e.Id);
        var rows = Ids.Select(id => byId[id]).ToArray();
        CategoryOf = rows.Select(r => categories.Number(r.Category)).ToArray();
        Price = rows.Select(r => r.Price).ToArray();
        _orders = Enum.GetValues<ProductSort>().Select(sort => Order(rows, sort)).ToArray();
        _ranks = _orders.Select(RanksOf).ToArray();

        // Each category's rows by price (a parent's with its subcategories'), taken from the price
        // order so none needs a sort of its own.
        var byPrice = Enumerable.Range(0, categories.Active.Count + 1).Select(_ => new List<int>()).ToArray();
        foreach (var row in _orders[(int)ProductSort.PriceAsc])
        {
            byPrice[AllCategories].Add(row);
            if (CategoryOf[row] is var own and not AllCategories)
            {
                byPrice[own].Add(row);
                if (categories.ParentOf[own] is var parent and not AllCategories)
                {
                    byPrice[parent].Add(row);
                }
            }
        }

        RowsByPrice = byPrice.Select(rows => rows.ToArray()).ToArray();
    }

    public static readonly CatalogLayout Empty = new([], new Dictionary<string, int>(), CategoryDirectory.Defaults);

    public CategoryDirectory Categories { get; }

    public string[] Ids { get; }

    public Dictionary<string, int> RowOfId { get; }

    /// <summary>Per row, its own category's number (0 when archived or unknown: listed under all only).</summary>
    public int[] CategoryOf { get; }

    public long[] Price { get; }

    /// <summary>Per category (index 0: all), its rows from the cheapest up.</summary>
    public int[][] RowsByPrice { get; }

    public int[] Order(ProductSort sort) => _orders[(int)sort];

    /// <summary>The hits of <paramref name="words"/> as rows in the order asked for, looked up once per layout.</summary>
    public FoundRows Found(IReadOnlyList<string> words, ProductSort sort, Func<IReadOnlyList<string>, List<(int Ordinal, float Score)>> search)
    {
        var key = (string.Join(' ', words).ToLowerInvariant(), sort);
        if (_found.TryGetValue(key, out var found))
        {
            return found;
        }

        var rows = Sort(search(words), sort);
        var own = new int[Categories.Active.Count + 1];
        foreach (var row in rows)
        {
            own[CategoryOf[row]]++;
        }

        var perCategory = Categories.RollUp(own);

        if (Interlocked.Add(ref _foundRows, rows.Length) > MaxFoundRows)
        {
            // Bounded memory: a burst of distinct searches starts the cache afresh.
            _found.Clear();
            Interlocked.Exchange(ref _foundRows, rows.Length);
        }

        return _found[key] = new FoundRows(rows, perCategory);
    }

    /// <summary>Hits as rows: by score then sales for relevance, else by the sort's rank.</summary>
    private int[] Sort(List<(int Ordinal, float Score)> hits, ProductSort sort)
    {
        var ranks = _ranks[(int)sort];
        var found = new List<(int Row, float Score)>(hits.Count);
        foreach (var (ordinal, score) in hits)
        {
            if (ordinal < _rowOfOrdinal.Length && _rowOfOrdinal[ordinal] is var row and >= 0)
            {
                found.Add((row, sort == ProductSort.Relevance ? score : 0));
            }
        }

        found.Sort((a, b) => b.Score.CompareTo(a.Score) is var byScore and not 0 ? byScore : ranks[a.Row].CompareTo(ranks[b.Row]));
        return found.Select(f => f.Row).ToArray();
    }

    /// <summary>The rows in one sort order; ties keep id order (the rows' own order), so pages are stable.</summary>
    private static int[] Order(CatalogEntry[] rows, ProductSort sort)
    {
        var keys = sort switch
        {
            ProductSort.PriceAsc => rows.Select(r => r.Price).ToArray(),
            ProductSort.PriceDesc => rows.Select(r => -r.Price).ToArray(),
            ProductSort.Newest => rows.Select(r => -r.CreatedAt.UtcTicks).ToArray(),
            // Best rated first; among equal averages, the one more reviews back; unrated last.
            ProductSort.Rating => rows.Select(r => -((long)Math.Round((r.Rating ?? 0) * 10) * 1_000_000 + Math.Min(r.ReviewCount, 999_999))).ToArray(),
            // Relevance ranks hits by score first; its ties, and a list without words, go by sales
            // (with no words every product scores the same).
            _ => rows.Select(r => -r.Sold).ToArray(),
        };
        var order = Enumerable.Range(0, rows.Length).ToArray();
        Array.Sort(order, (a, b) => keys[a].CompareTo(keys[b]) is var byKey and not 0 ? byKey : a.CompareTo(b));
        return order;
    }

    private static int[] RanksOf(int[] order)
    {
        var ranks = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            ranks[order[i]] = i;
        }

        return ranks;
    }
}

/// <summary>A search's hits as rows in one order, and how many are listed under each category (index 0: all of them).</summary>
internal sealed record FoundRows(int[] Rows, int[] PerCategory);
