namespace Shop.Grains.Catalog;

/// <summary>One product as the catalog index holds it for list, search, filter and sort.</summary>
[GenerateSerializer, Immutable, Alias("shop.CatalogEntry")]
public sealed record CatalogEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Description,
    [property: Id(3)] long Price,
    [property: Id(4)] string Category,
    [property: Id(5)] string? Brand,
    [property: Id(6)] string ImageUrl,
    [property: Id(7)] int Stock,
    [property: Id(8)] double? Rating,
    [property: Id(9)] long Sold,
    [property: Id(10)] bool Archived,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] long Revision = 0,
    [property: Id(13)] int? LowStockThreshold = null,
    [property: Id(14)] int ReviewCount = 0)
{
    public static CatalogEntry From(ProductView p) => new(
        p.Id, p.Details.Name, p.Details.Description, p.Details.Price, p.Details.Category, p.Details.Brand,
        p.ImageUrl, p.Stock, p.Rating, p.Sold, p.Archived, p.CreatedAt, p.Revision, p.Details.LowStockThreshold, p.ReviewCount);
}

/// <summary>
/// Entries changed since a caller's version, oldest change first. <see cref="IsFull"/> (the
/// caller's epoch is not the index's: it was rebuilt) means the caller must start afresh instead of
/// merging; <see cref="HasMore"/>, that more changes follow <see cref="Version"/>.
/// <see cref="Complete"/>: the index holds every registered product (false while it reloads after
/// an activation, and from a silo too old to say).
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.CatalogChanges")]
public sealed record CatalogChanges(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] long Version,
    [property: Id(2)] bool IsFull,
    [property: Id(3)] IReadOnlyList<CatalogEntry> Entries,
    [property: Id(4)] bool HasMore = false,
    [property: Id(5)] bool Complete = false);
