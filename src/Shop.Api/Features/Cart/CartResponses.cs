using Shop.Grains.Carts;

namespace Shop.Api.Features.Cart;

/// <summary>API.md's `cart`, mapped from the grain contract at the edge.</summary>
public sealed record CartResponse(IReadOnlyList<CartItemResponse> Items, int ItemCount, long Subtotal)
{
    public static CartResponse From(CartView cart) => new(
        cart.Items.Select(i => new CartItemResponse(i.ProductId, i.Name, i.ImageUrl, i.UnitPrice, i.Quantity, i.LineTotal, i.Available)).ToList(),
        cart.ItemCount, cart.Subtotal);
}

public sealed record CartItemResponse(string ProductId, string Name, string ImageUrl, long UnitPrice, int Quantity, long LineTotal, int Available);
