using Shop.Grains.Common;

namespace Shop.Grains.Catalog;

/// <summary>
/// What an admin edits. Prices are in fen (minor units). <see cref="LowStockThreshold"/>: the stock at
/// or below which the dashboard lists the product (null: <see cref="LowStock.DefaultThreshold"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.contract.ProductDetails")]
public sealed record ProductDetails(
    [property: Id(0)] string Name,
    [property: Id(1)] string Description,
    [property: Id(2)] long Price,
    [property: Id(3)] string Category,
    [property: Id(4)] string? Brand,
    [property: Id(5)] IReadOnlyList<string> Images,
    [property: Id(6)] IReadOnlyDictionary<string, string> Attributes,
    [property: Id(7)] int? LowStockThreshold = null);

public static class LowStock
{
    public const int DefaultThreshold = 10;

    public static bool IsLow(int stock, int? threshold) => stock <= (threshold ?? DefaultThreshold);
}

[GenerateSerializer, Immutable, Alias("shop.NewProduct")]
public sealed record NewProduct(
    [property: Id(0)] ProductDetails Details,
    [property: Id(1)] int Stock,
    [property: Id(2)] double? Rating = null,
    [property: Id(3)] long Sold = 0,
    [property: Id(4)] DateTimeOffset? CreatedAt = null);

/// <summary>A product as the API shows it; <see cref="Stock"/> is what can be bought now.</summary>
[GenerateSerializer, Immutable, Alias("shop.ProductView")]
public sealed record ProductView(
    [property: Id(0)] string Id,
    [property: Id(1)] ProductDetails Details,
    [property: Id(2)] int Stock,
    [property: Id(3)] int Reserved,
    [property: Id(4)] double? Rating,
    [property: Id(5)] long Sold,
    [property: Id(6)] bool Archived,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] long Revision = 0,
    [property: Id(10)] int ReviewCount = 0)
{
    public string ImageUrl => Details.Images.Count > 0 ? Details.Images[0] : "";
}

[GenerateSerializer, Immutable, Alias("shop.Reservation")]
public sealed record Reservation(
    [property: Id(0)] bool Reserved,
    [property: Id(1)] int Available);
