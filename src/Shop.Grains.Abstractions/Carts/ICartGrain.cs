using Shop.Grains.Common;

namespace Shop.Grains.Carts;

/// <summary>
/// A shopper's cart, keyed by user id: hot in memory, written through on every change. It holds
/// lines (product, quantity); API nodes price them from their catalog snapshot, so a cart read is
/// one grain call however many lines it has.
/// </summary>
public interface ICartGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<IReadOnlyList<CartLine>> GetLines();

    /// <summary>Adds to a line; refused past 99 units or 100 products, for an unknown product, or short of stock.</summary>
    Task<Outcome<IReadOnlyList<CartLine>>> Add(string productId, int quantity);

    /// <summary>Sets a line; 0 removes it.</summary>
    [Idempotent]
    Task<Outcome<IReadOnlyList<CartLine>>> SetQuantity(string productId, int quantity);

    /// <summary>Takes the products' lines out (a product no longer sold leaves carts this way too).</summary>
    [Idempotent]
    Task<IReadOnlyList<CartLine>> Remove(IReadOnlyCollection<string> productIds);

    [Idempotent]
    Task Clear();

    /// <summary>Takes what an order bought out of the cart, keeping anything added meanwhile.</summary>
    Task RemoveOrdered(IReadOnlyList<CartLine> ordered);
}
