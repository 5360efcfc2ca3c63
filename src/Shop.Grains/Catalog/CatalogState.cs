using System.Collections.Immutable;

namespace Shop.Grains.Catalog;

[GenerateSerializer, Alias("shop.CatalogState")]
public sealed record CatalogState
{
    /// <summary>
    /// Every product id, as the first release stored them (one set rewritten per new product). The
    /// index copies them into registry pages when it first activates and never writes this again.
    /// </summary>
    [Id(0)] public ImmutableHashSet<string> ProductIds { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Someone has claimed the seeding of the demo catalog.</summary>
    [Id(1)] public bool SeedingClaimed { get; init; }

    /// <summary>How many registry pages hold product ids (pages 0 to Pages - 1; the last may have room).</summary>
    [Id(2)] public int Pages { get; init; }
}

[GenerateSerializer, Alias("shop.CatalogPageState")]
public sealed record CatalogPageState
{
    [Id(0)] public ImmutableList<string> ProductIds { get; init; } = ImmutableList<string>.Empty;
}
