using System.Collections.Immutable;

namespace Shop.Grains.Catalog;

[GenerateSerializer, Alias("shop.ProductState")]
public sealed record ProductState
{
    [Id(0)] public ProductDetails? Details { get; init; }

    /// <summary>Units that can be bought now; reservations are already taken out.</summary>
    [Id(1)] public int Available { get; init; }

    /// <summary>Units held for open orders, by order id.</summary>
    [Id(2)] public ImmutableDictionary<string, int> Reservations { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>Orders whose units were released or sold, so a late or repeated reserve cannot take them again.</summary>
    [Id(3)] public ImmutableDictionary<string, DateTimeOffset> Settled { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;

    [Id(4)] public double? Rating { get; init; }
    [Id(5)] public long Sold { get; init; }
    [Id(6)] public bool Archived { get; init; }
    [Id(7)] public DateTimeOffset CreatedAt { get; init; }
    [Id(8)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Moves on with every write, so the catalog index can drop an update that arrives late.</summary>
    [Id(9)] public long Revision { get; init; }
}
