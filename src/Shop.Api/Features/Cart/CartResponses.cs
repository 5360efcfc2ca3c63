using Shop.Api.Features.Catalog;
using Shop.Grains.Carts;
using Shop.Grains.Catalog;
using Shop.Grains.Common;

namespace Shop.Api.Features.Cart;

/// <summary>API.md's `cart`: the lines priced at the current catalog price, with the stock now.</summary>
public sealed record CartResponse(IReadOnlyList<CartItemResponse> Items, int ItemCount, long Subtotal);

public sealed record CartItemResponse(string ProductId, string Name, string ImageUrl, long UnitPrice, int Quantity, long LineTotal, int Available);

/// <summary>
/// Prices a cart's lines from this node's catalog snapshot (at most a second old), so reading a
/// cart costs one grain call. A product the snapshot does not have yet (created this second) is
/// asked of its grain; one no longer sold leaves the cart. Stock is checked again at checkout.
/// </summary>
public sealed class CartPricing(CatalogSnapshot catalog, IGrainFactory grains)
{
    public async Task<CartResponse> Price(string userId, IReadOnlyList<CartLine> lines, CancellationToken cancellationToken)
    {
        var entries = await catalog.GetEntries(cancellationToken);
        var items = new List<CartItemResponse>(lines.Count);
        var gone = new List<string>();
        foreach (var line in lines)
        {
            var entry = entries.GetValueOrDefault(line.ProductId) ?? await FromGrain(line.ProductId);
            if (entry is null)
            {
                gone.Add(line.ProductId);
                continue;
            }

            items.Add(new CartItemResponse(entry.Id, entry.Name, entry.ImageUrl, entry.Price, line.Quantity, entry.Price * line.Quantity, entry.Stock));
        }

        if (gone.Count > 0)
        {
            await grains.Get<ICartGrain>(userId).Remove(gone);
        }

        return new CartResponse(items, items.Sum(i => i.Quantity), items.Sum(i => i.LineTotal));
    }

    private async Task<CatalogEntry?> FromGrain(string productId) =>
        await grains.Get<IProductGrain>(productId).Get() is { Archived: false } product ? CatalogEntry.From(product) : null;
}
