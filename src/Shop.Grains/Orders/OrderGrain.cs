using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Grains.Catalog;
using Shop.Grains.Common;

namespace Shop.Grains.Orders;

internal sealed class OrderGrain(
    [PersistentState("order", StorageNames.Shop)] IPersistentState<OrderState> store,
    IOptions<ShopRulesOptions> options,
    ICardGateway gateway,
    TimeProvider clock,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IRemindable
{
    // One reminder does all deferred work: the payment deadline, and stock still owed after a failure.
    // It unregisters itself on a tick that finds nothing left to do.
    private const string WorkReminder = "payment-deadline";

    private OrderState State => store.State;

    private ShopRulesOptions Rules => options.Value;

    private string Id => this.GetPrimaryKeyString();

    public async Task<Outcome<OrderView>> Place(PlaceOrder order)
    {
        if (State.Order is { } existing)
        {
            return existing;
        }

        if (order.Lines.Count == 0)
        {
            return ShopError.Invalid("cart", "The cart is empty.");
        }

        if (State.Abandoned)
        {
            return ShopError.Conflict("This checkout was interrupted and has expired. Please check out again.");
        }

        // A retry after a crash mid-checkout finishes the interrupted plan, whatever the cart holds
        // now: products answer a repeated reserve for this order with what they already hold, so a
        // changed quantity would otherwise be ordered without being reserved.
        order = State.Placing ?? order;

        var deadline = clock.GetUtcNow() + Rules.PaymentTimeout;
        await store.SaveAsync(State with { Placing = order });
        await this.RegisterOrUpdateReminder(WorkReminder, Rules.PaymentTimeout, Rules.RetryPeriod);

        var products = await Task.WhenAll(order.Lines.Select(l => Product(l.ProductId).Get()));
        var shortages = await ReserveAll(order.Lines, products);
        if (shortages.Count > 0)
        {
            await ReleaseAll(order.Lines.Select(l => l.ProductId));
            await store.SaveAsync(State with { Placing = null });
            return ShopError.Conflict("Some items are not available in the quantity ordered.", shortages);
        }

        var now = clock.GetUtcNow();
        var lines = order.Lines
            .Zip(products, (line, product) => new OrderLine(line.ProductId, product!.Details.Name, product.Details.Price, line.Quantity))
            .ToList();
        var subtotal = lines.Sum(l => l.LineTotal);
        var view = new OrderView(Id, order.UserId, OrderStatus.PendingPayment, lines, subtotal,
            Rules.ShippingFeeFor(subtotal), order.ShippingAddress, order.Note, Payment: null, Shipment: null,
            [new StatusChange(OrderStatus.PendingPayment, now)], now, deadline);
        await store.SaveAsync(State with { Order = view, Placing = null });
        ShopMetrics.OrdersPlaced.Add(1);
        await UpdateIndex(isNew: true);
        return view;
    }

    public async Task<OrderView?> Get() => State.Order is null ? null : await ExpireIfOverdue();

    public async Task<Outcome<OrderView>> PayByCard(CardPayment payment)
    {
        if (State.Order is null)
        {
            return NotFound();
        }

        if (State.PaymentKey is { } key && key == payment.IdempotencyKey)
        {
            return State.Order;
        }

        if (State.RefusedPayments.Find(r => r.IdempotencyKey == payment.IdempotencyKey) is { } refused)
        {
            return refused.Error;
        }

        var order = await ExpireIfOverdue();
        if (order.Status != OrderStatus.PendingPayment)
        {
            return NotPayable(order);
        }

        var result = await gateway.Charge(Id, order.Total, payment.CardNumber);
        if (result == ChargeResult.Declined)
        {
            return await Refuse(payment, new ShopError(ErrorKind.PaymentDeclined, "The card was declined. The order is still waiting for payment."));
        }

        if (result == ChargeResult.InvalidCard)
        {
            return await Refuse(payment, ShopError.Invalid("cardNumber", "The card number is not valid."));
        }

        var paid = new PaymentInfo("pay_" + ShopIds.New(), "card", payment.CardNumber[^4..], clock.GetUtcNow());
        return await Transition(OrderStatus.Paid, o => o with { Payment = paid }, s => s with { PaymentKey = payment.IdempotencyKey });
    }

    /// <summary>Remembers a refused attempt under its key (the newest few: each retry has a new key).</summary>
    private async Task<ShopError> Refuse(CardPayment payment, ShopError error)
    {
        var refused = State.RefusedPayments.Add(new RefusedPayment(payment.IdempotencyKey, error));
        await store.SaveAsync(State with { RefusedPayments = refused.Count > 20 ? refused.RemoveAt(0) : refused });
        return error;
    }

    public async Task<Outcome<OrderView>> ApplyPaymentEvent(PaymentEvent paymentEvent)
    {
        if (State.Order is null)
        {
            return NotFound();
        }

        if (State.Order.Payment?.Id == paymentEvent.PaymentId || paymentEvent.Status != "succeeded")
        {
            return State.Order;
        }

        var order = await ExpireIfOverdue();
        if (order.Status == OrderStatus.Cancelled && order.Payment is null)
        {
            // The provider took the money after the order was cancelled and its stock given back:
            // the payment is kept on the order and refunded, never lost.
            logger.LogWarning("Order {OrderId} was paid after it was cancelled; the payment is refunded", Id);
            var late = new PaymentInfo(paymentEvent.PaymentId, "gateway", "", clock.GetUtcNow());
            return await Transition(OrderStatus.Refunded, o => o with { Payment = late });
        }

        if (order.Payment is { } taken)
        {
            // A second payment for an order already paid (the shopper paid twice, by card and at the
            // provider): acknowledged, so the provider stops resending it, and left to ops to refund.
            logger.LogWarning("Order {OrderId} is already paid by {PaymentId}; the second payment {SecondPaymentId} must be refunded at the provider",
                Id, taken.Id, paymentEvent.PaymentId);
            ShopMetrics.DuplicatePayments.Add(1);
            return order;
        }

        if (order.Status != OrderStatus.PendingPayment)
        {
            return NotPayable(order);
        }

        if (paymentEvent.Amount != order.Total)
        {
            return ShopError.Invalid("amount", $"The amount paid ({paymentEvent.Amount}) is not the order total ({order.Total}).");
        }

        var paid = new PaymentInfo(paymentEvent.PaymentId, "gateway", "", clock.GetUtcNow());
        return await Transition(OrderStatus.Paid, o => o with { Payment = paid });
    }

    public async Task<Outcome<OrderView>> Cancel()
    {
        if (State.Order is null)
        {
            return NotFound();
        }

        var order = await ExpireIfOverdue();
        return order.Status switch
        {
            OrderStatus.PendingPayment => await ReturnStock(OrderStatus.Cancelled),
            OrderStatus.Paid => await ReturnStock(OrderStatus.Refunded),
            OrderStatus.Cancelled or OrderStatus.Refunded => order,
            _ => ShopError.Conflict($"The order was {order.Status.ToString().ToLowerInvariant()} and can no longer be cancelled."),
        };
    }

    public async Task<Outcome<OrderView>> Refund()
    {
        if (State.Order is null)
        {
            return NotFound();
        }

        return State.Order.Status switch
        {
            OrderStatus.Paid => await ReturnStock(OrderStatus.Refunded),
            OrderStatus.Refunded => State.Order,
            _ => ShopError.Conflict($"Only a paid order that has not shipped can be refunded; this one is {State.Order.Status}."),
        };
    }

    public async Task<Outcome<OrderView>> Ship(string carrier, string trackingNumber)
    {
        if (State.Order is null)
        {
            return NotFound();
        }

        if (State.Order.Status != OrderStatus.Paid)
        {
            return ShopError.Conflict($"Only a paid order can be shipped; this one is {State.Order.Status}.");
        }

        await EnsureReminder();
        var shipment = new ShipmentInfo(carrier, trackingNumber, clock.GetUtcNow());
        return await Transition(OrderStatus.Shipped, o => o with { Shipment = shipment },
            s => s with { OwedCommits = s.OwedCommits.Union(ProductIds()) });
    }

    public async Task<Outcome<OrderView>> Deliver()
    {
        if (State.Order is null)
        {
            return NotFound();
        }

        return State.Order.Status == OrderStatus.Shipped
            ? await Transition(OrderStatus.Delivered)
            : ShopError.Conflict($"Only a shipped order can be delivered; this one is {State.Order.Status}.");
    }

    public async Task<bool> ClaimNotice(OrderStatus status)
    {
        if (State.Order is null || State.Noticed.Contains(status) || State.Order.History.All(h => h.Status != status))
        {
            return false;
        }

        await store.SaveAsync(State with { Noticed = State.Noticed.Add(status) });
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Placing is { } placing && State.Order is null)
        {
            // A checkout that never finished: give back whatever it managed to reserve.
            await ReleaseAll(placing.Lines.Select(l => l.ProductId));
            await store.SaveAsync(State with { Placing = null, Abandoned = true });
        }

        if (State.Order is not null)
        {
            await ExpireIfOverdue();
        }

        await SettleStock();
        var waitingForPayment = State.Order?.Status == OrderStatus.PendingPayment;
        if (!waitingForPayment && State.OwedReleases.IsEmpty && State.OwedCommits.IsEmpty
            && await this.GetReminder(WorkReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task<Dictionary<string, string[]>> ReserveAll(IReadOnlyList<Carts.CartLine> lines, ProductView?[] products)
    {
        var shortages = new Dictionary<string, string[]>();
        foreach (var (line, product) in lines.Zip(products))
        {
            if (product is null || product.Archived)
            {
                shortages[line.ProductId] = ["This product is no longer sold."];
            }
        }

        if (shortages.Count > 0)
        {
            return shortages;
        }

        var reservations = await Task.WhenAll(lines.Select(l => Product(l.ProductId).Reserve(Id, l.Quantity)));
        foreach (var (line, reservation) in lines.Zip(reservations))
        {
            if (!reservation.Reserved)
            {
                shortages[line.ProductId] = [$"Only {reservation.Available} left in stock."];
            }
        }

        return shortages;
    }

    private Task ReleaseAll(IEnumerable<string> productIds) =>
        Task.WhenAll(productIds.Distinct().Select(id => Product(id).Release(Id)));

    private async Task<OrderView> ExpireIfOverdue()
    {
        var order = State.Order!;
        if (order.Status == OrderStatus.PendingPayment && clock.GetUtcNow() >= order.PaymentDeadline)
        {
            logger.LogInformation("Order {OrderId} passed its payment deadline and is cancelled", Id);
            return await ReturnStock(OrderStatus.Cancelled);
        }

        return order;
    }

    private async Task<OrderView> ReturnStock(OrderStatus status)
    {
        await EnsureReminder();
        return await Transition(status, change: null, s => s with { OwedReleases = s.OwedReleases.Union(ProductIds()) });
    }

    private async Task<OrderView> Transition(
        OrderStatus status,
        Func<OrderView, OrderView>? change = null,
        Func<OrderState, OrderState>? alsoChange = null)
    {
        var order = change?.Invoke(State.Order!) ?? State.Order!;
        var next = order with { Status = status, History = [.. order.History, new StatusChange(status, clock.GetUtcNow())] };
        var state = State with { Order = next };
        await store.SaveAsync(alsoChange?.Invoke(state) ?? state);
        Count(next);
        await SettleStock();
        await UpdateIndex(isNew: false);
        return next;
    }

    /// <summary>
    /// Pays back stock the order owes. The status change is already saved, so a failure here is only
    /// logged: the reminder retries, and the product grains make each release happen once.
    /// </summary>
    private async Task SettleStock()
    {
        if (State.OwedReleases.IsEmpty && State.OwedCommits.IsEmpty)
        {
            return;
        }

        var released = await Attempt(State.OwedReleases, id => Product(id).Release(Id));
        var committed = await Attempt(State.OwedCommits, id => Product(id).Commit(Id));
        try
        {
            await store.SaveAsync(State with
            {
                OwedReleases = State.OwedReleases.Except(released),
                OwedCommits = State.OwedCommits.Except(committed),
            });
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Order {OrderId} could not record settled stock; the reminder retries", Id);
        }
    }

    private async Task<IEnumerable<string>> Attempt(ImmutableHashSet<string> productIds, Func<string, Task> action)
    {
        var results = await Task.WhenAll(productIds.Select(async id =>
        {
            try
            {
                await action(id);
                return id;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Order {OrderId} could not settle stock of product {ProductId}; the reminder retries", Id, id);
                return null;
            }
        }));
        return results.OfType<string>();
    }

    /// <summary>
    /// Makes sure the reminder comes back within RetryPeriod for stock the order is about to owe. This
    /// also replaces a pending order's payment-deadline reminder: that one is first due at the deadline
    /// (30 min by default), far too late for stock a failed release still owes.
    /// </summary>
    private Task EnsureReminder() => this.RegisterOrUpdateReminder(WorkReminder, Rules.RetryPeriod, Rules.RetryPeriod);

    private async Task UpdateIndex(bool isNew)
    {
        var order = State.Order!;
        try
        {
            await GrainFactory.GetGrain<IOrderIndexGrain>(OrderIndexKeys.For(order.Id, order.CreatedAt))
                .Upsert(new OrderIndexEntry(order.Id, order.UserId, order.Status, order.Total, order.CreatedAt, order.History.Count));
            if (isNew)
            {
                await GrainFactory.GetGrain<IOrderMonthsGrain>(0).Add(OrderIndexKeys.Month(order.CreatedAt));
            }
        }
        catch (Exception e)
        {
            // The order itself is saved; the admin list catches up on the order's next change.
            logger.LogWarning(e, "Order {OrderId} could not update the admin order index", Id);
        }
    }

    private static void Count(OrderView order)
    {
        switch (order.Status)
        {
            case OrderStatus.Paid:
                ShopMetrics.OrdersPaid.Add(1);
                ShopMetrics.Revenue.Add(order.Total);
                break;
            case OrderStatus.Cancelled or OrderStatus.Refunded:
                ShopMetrics.OrdersCancelled.Add(1, new KeyValuePair<string, object?>("status", order.Status.ToString()));
                if (order.Status == OrderStatus.Refunded)
                {
                    ShopMetrics.Refunded.Add(order.Total);
                }

                break;
        }
    }

    private ImmutableHashSet<string> ProductIds() => State.Order!.Items.Select(i => i.ProductId).ToImmutableHashSet();

    private IProductGrain Product(string productId) => GrainFactory.GetGrain<IProductGrain>(productId);

    private static ShopError NotFound() => ShopError.NotFound("The order does not exist.");

    private static ShopError NotPayable(OrderView order) =>
        ShopError.Conflict($"The order cannot be paid: it is {order.Status}.");
}
