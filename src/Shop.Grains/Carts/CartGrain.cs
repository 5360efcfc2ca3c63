using System.Collections.Immutable;
using Shop.Grains.Catalog;
using Shop.Grains.Common;

namespace Shop.Grains.Carts;

internal sealed class CartGrain(
    [PersistentState("cart", StorageNames.Shop)] IPersistentState<CartState> store) : Grain, ICartGrain
{
    private CartState State => store.State;

    private IReadOnlyList<CartLine> Lines => State.Lines.Select(l => l.ToContract()).ToList();

    public Task<IReadOnlyList<CartLine>> GetLines() => Task.FromResult(Lines);

    public Task<Outcome<IReadOnlyList<CartLine>>> Add(string productId, int quantity)
    {
        if (quantity is < 1 or > CartLimits.MaxQuantityPerLine)
        {
            return Task.FromResult<Outcome<IReadOnlyList<CartLine>>>(QuantityOutOfRange(1));
        }

        var current = State.Lines.Find(l => l.ProductId == productId)?.Quantity ?? 0;
        return current + quantity > CartLimits.MaxQuantityPerLine
            ? Task.FromResult<Outcome<IReadOnlyList<CartLine>>>(ShopError.Invalid("quantity", ErrorCodes.CartLineLimit,
                $"A cart line holds at most {CartLimits.MaxQuantityPerLine}; this one has {current} already.",
                new Dictionary<string, object> { ["max"] = CartLimits.MaxQuantityPerLine, ["current"] = current }))
            : SetLine(productId, current + quantity);
    }

    public async Task<Outcome<IReadOnlyList<CartLine>>> SetQuantity(string productId, int quantity)
    {
        if (quantity is < 0 or > CartLimits.MaxQuantityPerLine)
        {
            return QuantityOutOfRange(0);
        }

        return quantity == 0 ? Outcome(await Remove([productId])) : await SetLine(productId, quantity);
    }

    public async Task<IReadOnlyList<CartLine>> Remove(IReadOnlyCollection<string> productIds)
    {
        if (State.Lines.Exists(l => productIds.Contains(l.ProductId)))
        {
            await store.SaveAsync(State with { Lines = State.Lines.RemoveAll(l => productIds.Contains(l.ProductId)) });
        }

        return Lines;
    }

    public async Task Clear()
    {
        if (!State.Lines.IsEmpty)
        {
            await store.SaveAsync(new CartState());
        }
    }

    public async Task RemoveOrdered(IReadOnlyList<CartLine> ordered)
    {
        var bought = ordered.ToDictionary(l => l.ProductId, l => l.Quantity);
        var remaining = State.Lines
            .Select(l => l with { Quantity = l.Quantity - bought.GetValueOrDefault(l.ProductId) })
            .Where(l => l.Quantity > 0)
            .ToImmutableList();
        await store.SaveAsync(State with { Lines = remaining });
    }

    /// <summary>A changed line checks the product and its stock now; reads only show the snapshot's figures.</summary>
    private async Task<Outcome<IReadOnlyList<CartLine>>> SetLine(string productId, int quantity)
    {
        var product = await GrainFactory.GetGrain<IProductGrain>(productId).Get();
        if (product is null || product.Archived)
        {
            return ShopError.NotFound(ErrorCodes.ProductNotFound, "The product does not exist.");
        }

        var index = State.Lines.FindIndex(l => l.ProductId == productId);
        if (index < 0 && State.Lines.Count >= CartLimits.MaxDistinctProducts)
        {
            return ShopError.Invalid("productId", ErrorCodes.CartProductLimit,
                $"A cart holds at most {CartLimits.MaxDistinctProducts} different products.",
                new Dictionary<string, object> { ["max"] = CartLimits.MaxDistinctProducts });
        }

        if (quantity > product.Stock)
        {
            var message = $"Only {product.Stock} left in stock.";
            return ShopError.Conflict(ErrorCodes.StockInsufficient, message,
                new Dictionary<string, object> { ["available"] = product.Stock }, new() { [productId] = [message] });
        }

        var line = new StoredCartLine(productId, quantity);
        await store.SaveAsync(State with { Lines = index < 0 ? State.Lines.Add(line) : State.Lines.SetItem(index, line) });
        return Outcome(Lines);
    }

    private static Outcome<IReadOnlyList<CartLine>> Outcome(IReadOnlyList<CartLine> lines) => new(lines, null);

    private static ShopError QuantityOutOfRange(int min) =>
        ShopError.Invalid("quantity", ErrorCodes.CartQuantityRange, $"Quantity must be between {min} and {CartLimits.MaxQuantityPerLine}.",
            new Dictionary<string, object> { ["min"] = min, ["max"] = CartLimits.MaxQuantityPerLine });
}
