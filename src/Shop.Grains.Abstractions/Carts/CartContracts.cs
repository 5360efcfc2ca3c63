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
