namespace Shop.Grains.Catalog;

[GenerateSerializer, Alias("shop.CategoriesState")]
public sealed record CategoriesState
{
    /// <summary>Null until an admin first changes the categories: <see cref="CategoryRules.Defaults"/> until then.</summary>
    [Id(0)] public IReadOnlyList<CategoryInfo>? Items { get; init; }

    [Id(1)] public long Version { get; init; }
}
