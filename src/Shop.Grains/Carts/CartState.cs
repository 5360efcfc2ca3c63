using System.Collections.Immutable;

namespace Shop.Grains.Carts;

[GenerateSerializer, Alias("shop.CartState")]
public sealed record CartState
{
    /// <summary>Lines in the order they were first added.</summary>
    [Id(0)] public ImmutableList<StoredCartLine> Lines { get; init; } = ImmutableList<StoredCartLine>.Empty;
}

[GenerateSerializer, Immutable, Alias("shop.CartLine")]
public sealed record StoredCartLine(
    [property: Id(0)] string ProductId,
    [property: Id(1)] int Quantity)
{
    public static StoredCartLine From(CartLine line) => new(line.ProductId, line.Quantity);

    public CartLine ToContract() => new(ProductId, Quantity);
}
