namespace Shop.Grains.Carts;

public static class CartLimits
{
    public const int MaxQuantityPerLine = 99;
    public const int MaxDistinctProducts = 100;
}

[GenerateSerializer, Immutable, Alias("shop.contract.CartLine")]
public sealed record CartLine(
    [property: Id(0)] string ProductId,
    [property: Id(1)] int Quantity);

/// <summary>A line priced at the current catalog price; <see cref="Available"/> is the stock now.</summary>
[GenerateSerializer, Immutable, Alias("shop.CartItemView")]
public sealed record CartItemView(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string Name,
    [property: Id(2)] string ImageUrl,
    [property: Id(3)] long UnitPrice,
    [property: Id(4)] int Quantity,
    [property: Id(5)] long LineTotal,
    [property: Id(6)] int Available);

[GenerateSerializer, Immutable, Alias("shop.CartView")]
public sealed record CartView(
    [property: Id(0)] IReadOnlyList<CartItemView> Items,
    [property: Id(1)] int ItemCount,
    [property: Id(2)] long Subtotal);
