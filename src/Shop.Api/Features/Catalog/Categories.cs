namespace Shop.Api.Features.Catalog;

/// <summary>A category of the catalog; <see cref="Color"/> tints its placeholder images.</summary>
public sealed record Category(string Id, string Name, string NameEn, string Color);

/// <summary>The store's fixed categories (admins file products under them; they are not edited at run time).</summary>
public static class Categories
{
    public static readonly IReadOnlyList<Category> All =
    [
        new("phones", "手机数码", "Phones & Digital", "#1677ff"),
        new("computers", "电脑办公", "Computers & Office", "#2f54eb"),
        new("audio", "影音耳机", "Audio & Headphones", "#722ed1"),
        new("appliances", "家用电器", "Home Appliances", "#13c2c2"),
        new("kitchen", "厨房用品", "Kitchen", "#fa8c16"),
        new("beauty", "美妆个护", "Beauty & Personal Care", "#eb2f96"),
        new("fashion", "服饰鞋包", "Fashion", "#f5222d"),
        new("sports", "运动户外", "Sports & Outdoors", "#52c41a"),
        new("food", "食品生鲜", "Food & Grocery", "#faad14"),
        new("books", "图书文娱", "Books & Media", "#8c6e4f"),
        new("baby", "母婴玩具", "Baby & Toys", "#ff7a45"),
        new("home", "家居家纺", "Home & Living", "#389e0d"),
    ];

    private static readonly Dictionary<string, Category> ById = All.ToDictionary(c => c.Id);

    public static Category? Find(string? id) => id is null ? null : ById.GetValueOrDefault(id);
}
