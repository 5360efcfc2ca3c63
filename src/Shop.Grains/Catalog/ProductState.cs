using System.Collections.Immutable;

namespace Shop.Grains.Catalog;

[GenerateSerializer, Alias("shop.ProductState")]
public sealed record ProductState
{
    [Id(0)] public StoredProductDetails? Details { get; init; }

    /// <summary>Units that can be bought now; reservations are already taken out.</summary>
    [Id(1)] public int Available { get; init; }

    /// <summary>
    /// Written by releases up to 2026-12-06: units held for open orders, by order id. A product that
    /// still has them moves them into stock holds when it activates.
    /// </summary>
    [Id(2)] public ImmutableDictionary<string, int> Reservations { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>Written by releases up to 2026-12-06: orders settled in the last minutes. Moved into stock holds as well.</summary>
    [Id(3)] public ImmutableDictionary<string, DateTimeOffset> Settled { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;

    [Id(4)] public double? Rating { get; init; }
    [Id(5)] public long Sold { get; init; }
    [Id(6)] public bool Archived { get; init; }
    [Id(7)] public DateTimeOffset CreatedAt { get; init; }
    [Id(8)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Moves on with every write, so the catalog index can drop an update that arrives late.</summary>
    [Id(9)] public long Revision { get; init; }

    /// <summary>Units held for open orders; each order's share is in its stock hold.</summary>
    [Id(10)] public int Reserved { get; init; }

    /// <summary>The hold change written with the last change of the counts, to finish if its own write did not happen.</summary>
    [Id(11)] public PendingHold? Pending { get; init; }

    /// <summary>How many visible reviews <see cref="Rating"/> averages.</summary>
    [Id(12)] public int ReviewCount { get; init; }

    public ProductView ToView(string id) => new(
        id, Details!.ToContract(), Available, Reserved, Rating, Sold, Archived, CreatedAt, UpdatedAt, Revision, ReviewCount);
}

[GenerateSerializer, Immutable, Alias("shop.PendingHold")]
public sealed record PendingHold([property: Id(0)] string OrderId, [property: Id(1)] StockHold Hold);

[GenerateSerializer, Immutable, Alias("shop.ProductDetails")]
public sealed record StoredProductDetails(
    [property: Id(0)] string Name,
    [property: Id(1)] string Description,
    [property: Id(2)] long Price,
    [property: Id(3)] string Category,
    [property: Id(4)] string? Brand,
    [property: Id(5)] IReadOnlyList<string> Images,
    [property: Id(6)] IReadOnlyDictionary<string, string> Attributes,
    [property: Id(7)] int? LowStockThreshold = null)
{
    public static StoredProductDetails From(ProductDetails d) =>
        new(d.Name, d.Description, d.Price, d.Category, d.Brand, d.Images, d.Attributes, d.LowStockThreshold);

    public ProductDetails ToContract() => new(Name, Description, Price, Category, Brand, Images, Attributes, LowStockThreshold);
}
