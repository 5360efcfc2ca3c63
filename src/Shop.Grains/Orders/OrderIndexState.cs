using System.Collections.Immutable;

namespace Shop.Grains.Orders;

[GenerateSerializer, Alias("shop.OrderIndexState")]
public sealed record OrderIndexState
{
    [Id(0)] public ImmutableDictionary<string, OrderIndexEntry> Entries { get; init; } = ImmutableDictionary<string, OrderIndexEntry>.Empty;
}

[GenerateSerializer, Alias("shop.OrderMonthsState")]
public sealed record OrderMonthsState
{
    [Id(0)] public ImmutableSortedSet<string> Months { get; init; } = ImmutableSortedSet<string>.Empty;
}
