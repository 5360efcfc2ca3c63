using Shop.Grains.Common;

namespace Shop.Grains.Orders;

/// <summary>
/// A shopper's orders, keyed by user id, newest first. Checkout runs here so one shopper's
/// checkouts are serialized and an idempotency key maps to exactly one order.
/// </summary>
public interface IUserOrdersGrain : IGrainWithStringKey
{
    /// <summary>
    /// Places an order from the cart; a repeated key returns the first order with <c>IsNew</c> false.
    /// With <paramref name="expectedTotal"/> (what the shopper was shown), a different total is
    /// refused and nothing is reserved.
    /// </summary>
    Task<Outcome<PlacedOrder>> Checkout(Address shippingAddress, string? note, string? idempotencyKey, long? expectedTotal = null);

    [ReadOnly]
    Task<IdPage> List(int page, int pageSize);
}
