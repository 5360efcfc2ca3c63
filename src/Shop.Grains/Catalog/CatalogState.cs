using System.Collections.Immutable;

namespace Shop.Grains.Catalog;

[GenerateSerializer, Alias("shop.CatalogState")]
public sealed record CatalogState
{
    [Id(0)] public ImmutableHashSet<string> ProductIds { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Someone has claimed the seeding of the demo catalog.</summary>
    [Id(1)] public bool SeedingClaimed { get; init; }
}
