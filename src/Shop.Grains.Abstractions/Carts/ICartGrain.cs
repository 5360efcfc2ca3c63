using Shop.Grains.Common;

namespace Shop.Grains.Carts;

/// <summary>A shopper's cart, keyed by user id: hot in memory, written through on every change.</summary>
public interface ICartGrain : IGrainWithStringKey
{
    Task<CartView> Get();

    /// <summary>Adds to a line; refused past 99 units or 100 products, for an unknown product, or short of stock.</summary>
    Task<Outcome<CartView>> Add(string productId, int quantity);

    /// <summary>Sets a line; 0 removes it.</summary>
    Task<Outcome<CartView>> SetQuantity(string productId, int quantity);

    Task<CartView> Remove(string productId);

    Task Clear();

    [ReadOnly]
    Task<IReadOnlyList<CartLine>> GetLines();

    /// <summary>Takes what an order bought out of the cart, keeping anything added meanwhile.</summary>
    Task RemoveOrdered(IReadOnlyList<CartLine> ordered);
}
