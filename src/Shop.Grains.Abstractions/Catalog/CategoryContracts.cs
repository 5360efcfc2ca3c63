namespace Shop.Grains.Catalog;

/// <summary>
/// A category of the catalog. Products name it by <see cref="Id"/>, which never changes; the names
/// do. <see cref="ParentId"/>: the top-level category it belongs to (one level of subcategories).
/// <see cref="Color"/> tints its products' placeholder pictures.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.contract.CategoryInfo")]
public sealed record CategoryInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string NameEn,
    [property: Id(3)] string? ParentId,
    [property: Id(4)] string Color,
    [property: Id(5)] bool Archived = false);

/// <summary>What an admin sets: the names in both languages and, for a subcategory, its parent.</summary>
[GenerateSerializer, Immutable, Alias("shop.contract.CategoryDraft")]
public sealed record CategoryDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] string NameEn,
    [property: Id(2)] string? ParentId);

/// <summary>Every category in the order shoppers see them (archived ones last); <see cref="Version"/> moves with each change.</summary>
[GenerateSerializer, Immutable, Alias("shop.contract.CategoryList")]
public sealed record CategoryList(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<CategoryInfo> Items);

public static class CategoryRules
{
    public const int MaxNameLength = 40;
    public const int MaxCategories = 200;

    /// <summary>Ids are short, lower-case and URL-safe (they appear in ?category=).</summary>
    public static bool IsValidId(string id) =>
        id.Length is >= 2 and <= 40 && char.IsAsciiLetterLower(id[0]) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>The shop's first twelve categories: what a catalog without managed categories used (and still uses until an admin changes them).</summary>
    public static readonly IReadOnlyList<CategoryInfo> Defaults =
    [
        new("phones", "手机数码", "Phones & Digital", null, "#1677ff"),
        new("computers", "电脑办公", "Computers & Office", null, "#2f54eb"),
        new("audio", "影音耳机", "Audio & Headphones", null, "#722ed1"),
        new("appliances", "家用电器", "Home Appliances", null, "#13c2c2"),
        new("kitchen", "厨房用品", "Kitchen", null, "#fa8c16"),
        new("beauty", "美妆个护", "Beauty & Personal Care", null, "#eb2f96"),
        new("fashion", "服饰鞋包", "Fashion", null, "#f5222d"),
        new("sports", "运动户外", "Sports & Outdoors", null, "#52c41a"),
        new("food", "食品生鲜", "Food & Grocery", null, "#faad14"),
        new("books", "图书文娱", "Books & Media", null, "#8c6e4f"),
        new("baby", "母婴玩具", "Baby & Toys", null, "#ff7a45"),
        new("home", "家居家纺", "Home & Living", null, "#389e0d"),
    ];

    /// <summary>Colours for new categories, taken in turn.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#1677ff", "#722ed1", "#13c2c2", "#fa8c16", "#eb2f96", "#52c41a", "#faad14", "#2f54eb", "#f5222d", "#389e0d"];
}
