using Shop.Grains.Catalog;

namespace Shop.Api.Features.Catalog;

/// <summary>
/// One version of the categories, arranged for lookups and for the catalog's counts: each active
/// category has a number (1..n in the shoppers' order; 0 stands for all), and a subcategory knows its
/// parent's number, so a parent's lists and counts take in its subcategories.
/// </summary>
public sealed class CategoryDirectory
{
    public const int AllCategories = 0;

    private readonly Dictionary<string, CategoryInfo> _byId;
    private readonly Dictionary<string, int> _numbers;

    public CategoryDirectory(CategoryList list)
    {
        Version = list.Version;
        All = list.Items;
        Active = list.Items.Where(c => !c.Archived).ToList();
        _byId = list.Items.ToDictionary(c => c.Id);
        _numbers = Active.Select((c, i) => (c.Id, Number: i + 1)).ToDictionary(x => x.Id, x => x.Number);
        ParentOf = [0, .. Active.Select(c => c.ParentId is { } parent ? _numbers.GetValueOrDefault(parent) : 0)];
    }

    /// <summary>The categories of a shop no admin has changed them in: the first twelve.</summary>
    public static readonly CategoryDirectory Defaults = new(new CategoryList(0, CategoryRules.Defaults));

    public long Version { get; }

    /// <summary>Every category, archived ones last.</summary>
    public IReadOnlyList<CategoryInfo> All { get; }

    /// <summary>The categories shoppers see, in their order; <c>Active[n - 1]</c> has number n.</summary>
    public IReadOnlyList<CategoryInfo> Active { get; }

    /// <summary>Per number (0: all), the number of its parent, 0 for a top-level category.</summary>
    public int[] ParentOf { get; }

    /// <summary>Any category with this id, archived ones included.</summary>
    public CategoryInfo? Find(string? id) => id is null ? null : _byId.GetValueOrDefault(id);

    /// <summary>A category products can be filed under and lists filtered by.</summary>
    public CategoryInfo? FindActive(string? id) => Find(id) is { Archived: false } category ? category : null;

    /// <summary>The category's number; 0 for an archived or unknown one (listed under all only).</summary>
    public int Number(string? id) => id is null ? AllCategories : _numbers.GetValueOrDefault(id);

    /// <summary>Whether a product of category number <paramref name="own"/> is listed under <paramref name="category"/>.</summary>
    public bool IsIn(int own, int category) => category == AllCategories || own == category || (own != 0 && ParentOf[own] == category);

    /// <summary>Counts per own category (index 0 unused) turned into counts per listed category: [0] all, a parent with its subcategories.</summary>
    public int[] RollUp(int[] own)
    {
        var counts = (int[])own.Clone();
        counts[AllCategories] = own.Sum();
        for (var n = 1; n < counts.Length; n++)
        {
            if (ParentOf[n] != 0)
            {
                counts[ParentOf[n]] += own[n];
            }
        }

        return counts;
    }
}
