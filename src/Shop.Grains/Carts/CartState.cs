using System.Collections.Immutable;

namespace Shop.Grains.Carts;

[GenerateSerializer, Alias("shop.CartState")]
public sealed record CartState
{
    /// <summary>Lines in the order they were first added.</summary>
    [Id(0)] public ImmutableList<CartLine> Lines { get; init; } = ImmutableList<CartLine>.Empty;
}
