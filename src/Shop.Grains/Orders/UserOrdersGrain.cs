using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Shop.Grains.Carts;
using Shop.Grains.Common;

namespace Shop.Grains.Orders;

internal sealed class UserOrdersGrain(
    [PersistentState("orders", StorageNames.Shop)] IPersistentState<UserOrdersState> store,
    ILogger<UserOrdersGrain> logger) : Grain, IUserOrdersGrain
{
    // Clients retry within seconds or minutes; remembering the last 50 keys covers that many times over.
    private const int KeysKept = 50;

    private UserOrdersState State => store.State;

    private string UserId => this.GetPrimaryKeyString();

    public async Task<Outcome<PlacedOrder>> Checkout(Address shippingAddress, string? note, string? idempotencyKey)
    {
        var remembered = idempotencyKey is null ? null : State.Keys.Find(k => k.Key == idempotencyKey);
        if (remembered is not null && await GrainFactory.GetGrain<IOrderGrain>(remembered.OrderId).Get() is { } earlier)
        {
            if (!State.OrderIds.Contains(earlier.Id))
            {
                // The first attempt placed the order but stopped before listing it: finish its work.
                await Record(earlier.Id, earlier.Items.Select(i => new CartLine(i.ProductId, i.Quantity)).ToList());
            }

            return new PlacedOrder(earlier, IsNew: false);
        }

        var cart = GrainFactory.GetGrain<ICartGrain>(UserId);
        var lines = await cart.GetLines();
        if (lines.Count == 0)
        {
            return ShopError.Invalid("cart", ErrorCodes.CartEmpty, "The cart is empty.");
        }

        // The key is saved before placing, so a retry after a crash mid-checkout reaches the same order.
        var orderId = remembered?.OrderId ?? ShopIds.New();
        if (idempotencyKey is not null && remembered is null)
        {
            await store.SaveAsync(State with { Keys = State.Keys.Insert(0, new(idempotencyKey, orderId)).Take(KeysKept).ToImmutableList() });
        }

        var placed = await GrainFactory.GetGrain<IOrderGrain>(orderId)
            .Place(new PlaceOrder(UserId, lines, shippingAddress, note));
        if (!placed.IsSuccess)
        {
            // Nothing was done, so the key is forgotten and a retry tries again.
            if (idempotencyKey is not null)
            {
                await store.SaveAsync(State with { Keys = State.Keys.RemoveAll(k => k.Key == idempotencyKey) });
            }

            return placed.Error!;
        }

        // What the order holds, which may differ from the cart read above if it finished an interrupted plan.
        await Record(orderId, placed.Value!.Items.Select(i => new CartLine(i.ProductId, i.Quantity)).ToList());
        return new PlacedOrder(placed.Value!, IsNew: true);
    }

    /// <summary>Lists a placed order and takes what it bought out of the cart.</summary>
    private async Task Record(string orderId, IReadOnlyList<CartLine> bought)
    {
        await store.SaveAsync(State with { OrderIds = State.OrderIds.Insert(0, orderId) });
        try
        {
            await GrainFactory.GetGrain<ICartGrain>(UserId).RemoveOrdered(bought);
        }
        catch (Exception e)
        {
            // The order stands; a cart that still shows its items is the lesser harm.
            logger.LogWarning(e, "Order {OrderId} was placed but the cart of {UserId} could not be emptied", orderId, UserId);
        }
    }

    public Task<IdPage> List(int page, int pageSize) => Task.FromResult(new IdPage(
        State.OrderIds.Skip((page - 1) * pageSize).Take(pageSize).ToList(), State.OrderIds.Count));
}
