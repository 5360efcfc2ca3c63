using System.Collections.Immutable;
using Shop.Grains.Catalog;
using Shop.Grains.Common;

namespace Shop.Grains.Carts;

internal sealed class CartGrain(
    [PersistentState("cart", StorageNames.Shop)] IPersistentState<CartState> store) : Grain, ICartGrain
{
    private CartState State => store.State;

    public async Task<CartView> Get()
    {
        var (view, gone) = await BuildView();
        if (gone.Count > 0)
        {
            // Archived products leave carts the next time the cart is read.
            await store.SaveAsync(State with { Lines = State.Lines.RemoveAll(l => gone.Contains(l.ProductId)) });
        }

        return view;
    }

    public Task<Outcome<CartView>> Add(string productId, int quantity)
    {
        if (quantity is < 1 or > CartLimits.MaxQuantityPerLine)
        {
            return Task.FromResult<Outcome<CartView>>(QuantityOutOfRange(1));
        }

        var current = State.Lines.Find(l => l.ProductId == productId)?.Quantity ?? 0;
        return current + quantity > CartLimits.MaxQuantityPerLine
            ? Task.FromResult<Outcome<CartView>>(ShopError.Invalid("quantity", ErrorCodes.CartLineLimit,
                $"A cart line holds at most {CartLimits.MaxQuantityPerLine}; this one has {current} already.",
                new Dictionary<string, object> { ["max"] = CartLimits.MaxQuantityPerLine, ["current"] = current }))
            : SetLine(productId, current + quantity);
    }

    public async Task<Outcome<CartView>> SetQuantity(string productId, int quantity)
    {
        if (quantity is < 0 or > CartLimits.MaxQuantityPerLine)
        {
            return QuantityOutOfRange(0);
        }

        if (quantity == 0)
        {
            return await Remove(productId);
        }

        return await SetLine(productId, quantity);
    }

    public async Task<CartView> Remove(string productId)
    {
        if (State.Lines.Exists(l => l.ProductId == productId))
        {
            await store.SaveAsync(State with { Lines = State.Lines.RemoveAll(l => l.ProductId == productId) });
        }

        return await Get();
    }

    public async Task Clear()
    {
        if (!State.Lines.IsEmpty)
        {
            await store.SaveAsync(new CartState());
        }
    }

    public Task<IReadOnlyList<CartLine>> GetLines() =>
        Task.FromResult<IReadOnlyList<CartLine>>(State.Lines.Select(l => l.ToContract()).ToList());

    public async Task RemoveOrdered(IReadOnlyList<CartLine> ordered)
    {
        var bought = ordered.ToDictionary(l => l.ProductId, l => l.Quantity);
        var remaining = State.Lines
            .Select(l => l with { Quantity = l.Quantity - bought.GetValueOrDefault(l.ProductId) })
            .Where(l => l.Quantity > 0)
            .ToImmutableList();
        await store.SaveAsync(State with { Lines = remaining });
    }

    private async Task<Outcome<CartView>> SetLine(string productId, int quantity)
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
        return await Get();
    }

    private async Task<(CartView View, HashSet<string> Gone)> BuildView()
    {
        var products = await Task.WhenAll(State.Lines.Select(l => GrainFactory.GetGrain<IProductGrain>(l.ProductId).Get()));
        var items = new List<CartItemView>();
        var gone = new HashSet<string>();
        foreach (var (line, product) in State.Lines.Zip(products))
        {
            if (product is null || product.Archived)
            {
                gone.Add(line.ProductId);
                continue;
            }

            var price = product.Details.Price;
            items.Add(new CartItemView(product.Id, product.Details.Name, product.ImageUrl, price,
                line.Quantity, price * line.Quantity, product.Stock));
        }

        return (new CartView(items, items.Sum(i => i.Quantity), items.Sum(i => i.LineTotal)), gone);
    }

    private static ShopError QuantityOutOfRange(int min) =>
        ShopError.Invalid("quantity", ErrorCodes.CartQuantityRange, $"Quantity must be between {min} and {CartLimits.MaxQuantityPerLine}.",
            new Dictionary<string, object> { ["min"] = min, ["max"] = CartLimits.MaxQuantityPerLine });
}
