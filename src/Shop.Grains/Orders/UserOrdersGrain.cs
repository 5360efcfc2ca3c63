using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Grains.Carts;
using Shop.Grains.Common;

namespace Shop.Grains.Orders;

internal sealed class UserOrdersGrain(
    [PersistentState("orders", StorageNames.Shop)] IPersistentState<UserOrdersState> store,
    IOptions<ShopRulesOptions> rules,
    TimeProvider clock,
    ILogger<UserOrdersGrain> logger) : Grain, IUserOrdersGrain
{
    // Clients retry within seconds or minutes; remembering the last 50 keys covers that many times over.
    private const int KeysKept = 50;

    private UserOrdersState State => store.State;

    private string UserId => this.GetPrimaryKeyString();

    public async Task<Outcome<PlacedOrder>> Checkout(Address shippingAddress, string? note, string? idempotencyKey, long? expectedTotal = null)
    {
        var remembered = idempotencyKey is null ? null : State.Keys.Find(k => k.Key == idempotencyKey);
        if (remembered is not null && await GrainFactory.Get<IOrderGrain>(remembered.OrderId).Get() is { } earlier)
        {
            if (!State.OrderIds.Contains(earlier.Id))
            {
                // The first attempt placed the order but stopped before listing it: finish its work.
                await Record(earlier.Id, earlier.Items.Select(i => new CartLine(i.ProductId, i.Quantity)).ToList());
            }

            return new PlacedOrder(earlier, IsNew: false);
        }

        var cart = GrainFactory.Get<ICartGrain>(UserId);
        var lines = await cart.GetLines();
        if (lines.Count == 0)
        {
            return ShopError.Invalid("cart", ErrorCodes.CartEmpty, "The cart is empty.");
        }

        if ((TooManyUnits(lines) ?? await TooManyUnpaid()) is { } refused)
        {
            return refused;
        }

        // The key is saved before placing, so a retry after a crash mid-checkout reaches the same order.
        var orderId = remembered?.OrderId ?? ShopIds.New();
        if (idempotencyKey is not null && remembered is null)
        {
            await store.SaveAsync(State with { Keys = State.Keys.Insert(0, new(idempotencyKey, orderId)).Take(KeysKept).ToImmutableList() });
        }

        var placed = await GrainFactory.Get<IOrderGrain>(orderId)
            .Place(new PlaceOrder(UserId, lines, shippingAddress, note, expectedTotal));
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

    /// <summary>One shopper cannot hold a product's whole stock: an order takes at most so many units of each.</summary>
    private ShopError? TooManyUnits(IReadOnlyList<CartLine> lines)
    {
        var max = rules.Value.MaxUnitsPerProduct;
        var over = lines.Where(l => l.Quantity > max).ToDictionary(l => l.ProductId, _ => new[] { $"One order may hold at most {max} of this product." });
        return over.Count == 0 ? null
            : ShopError.Conflict(ErrorCodes.OrderTooManyUnits, $"One order may hold at most {max} units of each product.",
                new Dictionary<string, object> { ["max"] = max }, over);
    }

    /// <summary>
    /// Unpaid orders hold stock until their deadline: a shopper may have only a few at once, so no
    /// account can keep products from everyone else by checking out and never paying.
    /// </summary>
    private async Task<ShopError?> TooManyUnpaid()
    {
        var max = rules.Value.MaxUnpaidOrders;
        var recent = RecentOrders();
        if (recent.Count < max)
        {
            return null;
        }

        var orders = await Task.WhenAll(recent.Select(r => GrainFactory.Get<IOrderGrain>(r.OrderId).Get()));
        return orders.Count(o => o?.Status == OrderStatus.PendingPayment) < max ? null
            : ShopError.Conflict(ErrorCodes.OrderTooManyUnpaid, $"You have {max} unpaid orders already. Pay or cancel one of them first.",
                new Dictionary<string, object> { ["max"] = max });
    }

    /// <summary>Orders young enough to be unpaid still (older ones were paid, cancelled or expired).</summary>
    private ImmutableList<RecentOrder> RecentOrders()
    {
        var since = clock.GetUtcNow() - rules.Value.PaymentTimeout;
        return State.Recent.RemoveAll(r => r.PlacedAt < since);
    }

    /// <summary>Lists a placed order and takes what it bought out of the cart.</summary>
    private async Task Record(string orderId, IReadOnlyList<CartLine> bought)
    {
        await store.SaveAsync(State with
        {
            OrderIds = State.OrderIds.Insert(0, orderId),
            Recent = RecentOrders().Insert(0, new RecentOrder(orderId, clock.GetUtcNow())),
        });
        try
        {
            await GrainFactory.Get<ICartGrain>(UserId).RemoveOrdered(bought);
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
