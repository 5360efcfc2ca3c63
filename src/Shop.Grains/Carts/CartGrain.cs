using System.Collections.Immutable;
using Shop.Grains.Catalog;
using Shop.Grains.Common;
using Shop.Grains.Live;

namespace Shop.Grains.Carts;

// A cart stays in memory while its shopper is active and leaves it after 15 idle minutes (Orleans'
// default, stated here so the schedule is a decision): the next request reads it back from storage.
[CollectionAgeLimit(Minutes = 15)]
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
            await Save(State with { Lines = State.Lines.RemoveAll(l => productIds.Contains(l.ProductId)) });
        }

        return Lines;
    }

    public async Task Clear()
    {
        if (!State.Lines.IsEmpty)
        {
            await Save(new CartState());
        }
    }

    public async Task RemoveOrdered(IReadOnlyList<CartLine> ordered)
    {
        var bought = ordered.ToDictionary(l => l.ProductId, l => l.Quantity);
        var remaining = State.Lines
            .Select(l => l with { Quantity = l.Quantity - bought.GetValueOrDefault(l.ProductId) })
            .Where(l => l.Quantity > 0)
            .ToImmutableList();
        await Save(State with { Lines = remaining });
    }

    /// <summary>A changed line checks the product and its stock now; reads only show the snapshot's figures.</summary>
    private async Task<Outcome<IReadOnlyList<CartLine>>> SetLine(string productId, int quantity)
    {
        var product = await GrainFactory.Get<IProductGrain>(productId).Get();
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
        await Save(State with { Lines = index < 0 ? State.Lines.Add(line) : State.Lines.SetItem(index, line) });
        return Outcome(Lines);
    }

    /// <summary>Writes the cart through and tells the shopper's other tabs (one-way).</summary>
    private async Task Save(CartState next)
    {
        await store.SaveAsync(next);
        await GrainFactory.Get<ILiveFeedGrain>(LiveFeeds.User(this.GetPrimaryKeyString())).Publish(new LiveChange(LiveChangeKind.Cart));
    }

    private static Outcome<IReadOnlyList<CartLine>> Outcome(IReadOnlyList<CartLine> lines) => new(lines, null);

    private static ShopError QuantityOutOfRange(int min) =>
        ShopError.Invalid("quantity", ErrorCodes.CartQuantityRange, $"Quantity must be between {min} and {CartLimits.MaxQuantityPerLine}.",
            new Dictionary<string, object> { ["min"] = min, ["max"] = CartLimits.MaxQuantityPerLine });
}
