using Microsoft.Extensions.Logging;
using Shop.Grains.Carts;
using Shop.Grains.Catalog;
using Microsoft.Extensions.Options;
using Shop.Grains.Common;
using Shop.Grains.Notifications;
using Shop.Grains.Orders.ReadModel;
using Shop.Grains.Users;

namespace Shop.Grains.Orders;

/// <summary>
/// The order's state machine. Each transition appends to the history, which is the order's event
/// log, and in the same write records the notices it owes (the outbox); then the events are handed
/// on (OrderGrain.Events.cs), and deferred work runs on one reminder.
/// </summary>
internal sealed partial class OrderGrain(
    [PersistentState("order", StorageNames.Shop)] IPersistentState<OrderState> store,
    IOptions<ShopRulesOptions> options,
    ICardGateway gateway,
    IOrderReadModel readModel,
    TimeProvider clock,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IOrderOutbox, IRemindable
{
    // The name predates the other work the reminder now does; reminders already stored carry it.
    private const string WorkReminder = "payment-deadline";

    private OrderState State => store.State;

    private StoredOrder Order => State.Order!;

    private ShopRulesOptions Rules => options.Value;

    private string Id => this.GetPrimaryKeyString();

    private StockSettlement Stock => new(GrainFactory, Id, logger);

    // The shopper's email, for the admin list's rows (looked up once per activation).
    private string? _email;

    public async Task<Outcome<OrderView>> Place(PlaceOrder order)
    {
        if (State.Order is { } existing)
        {
            return existing.ToView();
        }

        if (order.Lines.Count == 0)
        {
            return ShopError.Invalid("cart", ErrorCodes.CartEmpty, "The cart is empty.");
        }

        if (State.Abandoned)
        {
            return ShopError.Conflict(ErrorCodes.OrderCheckoutExpired, "This checkout was interrupted and has expired. Please check out again.");
        }

        // A retry after a crash mid-checkout finishes the interrupted plan, whatever the cart holds
        // now: products answer a repeated reserve for this order with what they already hold, so a
        // changed quantity would otherwise be ordered without being reserved.
        var plan = State.Placing ?? StoredCheckout.From(order);
        var deadline = clock.GetUtcNow() + Rules.PaymentTimeout;
        await store.SaveAsync(State with { Placing = plan });
        await EnsureReminder();

        var (products, shortage) = await Stock.ReserveAll(plan.Lines, products => TotalChanged(plan.Lines, products, order.ExpectedTotal));
        if (shortage is not null)
        {
            await store.SaveAsync(State with { Placing = null });
            return shortage;
        }

        var now = clock.GetUtcNow();
        var lines = plan.Lines
            .Zip(products, (line, product) => new StoredOrderLine(line.ProductId, product!.Details.Name, product.Details.Price, line.Quantity))
            .ToList();
        var subtotal = lines.Sum(l => l.LineTotal);
        var placed = new StoredOrder(Id, plan.UserId, OrderStatus.PendingPayment, lines, subtotal, Rules.ShippingFeeFor(subtotal),
            plan.ShippingAddress, plan.Note, Payment: null, Shipment: null, [new StoredStatusChange(OrderStatus.PendingPayment, now)], now, deadline);
        await Record(State with { Order = placed, Placing = null });
        return placed.ToView();
    }

    /// <summary>A total other than the one the shopper was shown is refused: prices changed meanwhile.</summary>
    private ShopError? TotalChanged(IReadOnlyList<StoredCartLine> lines, IReadOnlyList<ProductView> products, long? expected)
    {
        var subtotal = lines.Zip(products, (line, product) => product.Details.Price * line.Quantity).Sum();
        var total = subtotal + Rules.ShippingFeeFor(subtotal);
        return expected is null || expected == total ? null
            : ShopError.Conflict(ErrorCodes.OrderTotalChanged, $"Prices changed: the total is now {total} fen, not {expected} fen. Review the cart and place the order again.",
                new Dictionary<string, object> { ["expected"] = expected.Value, ["total"] = total });
    }

    public async Task<OrderView?> Get() => State.Order is null ? null : (await ExpireIfOverdue()).ToView();

    public async Task<Outcome<OrderView>> PayByCard(CardPayment payment)
    {
        if (State.Order is null)
        {
            return NotFound();
        }

        if (State.PaymentKey is { } key && key == payment.IdempotencyKey)
        {
            return Order.ToView();
        }

        if (State.RefusedPayments.Find(r => r.IdempotencyKey == payment.IdempotencyKey) is { } refused)
        {
            return refused.Error.ToContract();
        }

        var order = await ExpireIfOverdue();
        if (order.Status != OrderStatus.PendingPayment)
        {
            return NotPayable(order);
        }

        var result = await gateway.Charge(Id, order.Total, payment.CardNumber);
        if (result != ChargeResult.Approved)
        {
            return await Refuse(payment, result == ChargeResult.Declined
                ? new ShopError(ErrorKind.PaymentDeclined, "The card was declined. The order is still waiting for payment.", Code: ErrorCodes.PaymentDeclined)
                : ShopError.Invalid("cardNumber", ErrorCodes.CardInvalid, "The card number is not valid."));
        }

        var paid = new StoredPayment("pay_" + ShopIds.New(), "card", payment.CardNumber[^4..], clock.GetUtcNow());
        return (await Transition(OrderStatus.Paid, o => o with { Payment = paid }, s => s with { PaymentKey = payment.IdempotencyKey })).ToView();
    }

    public async Task<Outcome<OrderView>> ApplyPaymentEvent(PaymentEvent paymentEvent)
    {
        if (State.Order is null)
        {
            return NotFound();
        }

        if (Order.Payment?.Id == paymentEvent.PaymentId || paymentEvent.Status != "succeeded")
        {
            return Order.ToView();
        }

        var order = await ExpireIfOverdue();
        if (order.Status == OrderStatus.Cancelled && order.Payment is null)
        {
            // The provider took the money after the order was cancelled and its stock given back:
            // the payment is kept on the order and refunded, never lost.
            logger.LogWarning("Order {OrderId} was paid after it was cancelled; the payment is refunded", Id);
            var late = new StoredPayment(paymentEvent.PaymentId, "gateway", "", clock.GetUtcNow());
            return (await Transition(OrderStatus.Refunded, o => o with { Payment = late })).ToView();
        }

        if (order.Payment is { } taken)
        {
            // A second payment for an order already paid (the shopper paid twice, by card and at the
            // provider): acknowledged, so the provider stops resending it, and left to ops to refund.
            logger.LogWarning("Order {OrderId} is already paid by {PaymentId}; the second payment {SecondPaymentId} must be refunded at the provider",
                Id, taken.Id, paymentEvent.PaymentId);
            ShopMetrics.DuplicatePayments.Add(1);
            return order.ToView();
        }

        if (order.Status != OrderStatus.PendingPayment)
        {
            return NotPayable(order);
        }

        if (paymentEvent.Amount != order.Total)
        {
            return ShopError.Invalid("amount", ErrorCodes.PaymentAmountMismatch,
                $"The amount paid ({paymentEvent.Amount}) is not the order total ({order.Total}).",
                new Dictionary<string, object> { ["amount"] = paymentEvent.Amount, ["total"] = order.Total });
        }

        var paid = new StoredPayment(paymentEvent.PaymentId, "gateway", "", clock.GetUtcNow());
        return (await Transition(OrderStatus.Paid, o => o with { Payment = paid })).ToView();
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
            OrderStatus.PendingPayment => (await ReturnStock(OrderStatus.Cancelled)).ToView(),
            OrderStatus.Paid => (await ReturnStock(OrderStatus.Refunded)).ToView(),
            OrderStatus.Cancelled or OrderStatus.Refunded => order.ToView(),
            _ => WrongStatus(ErrorCodes.OrderNotCancellable, $"The order was {order.Status.ToString().ToLowerInvariant()} and can no longer be cancelled."),
        };
    }

    public async Task<Outcome<OrderView>> Refund()
    {
        if (State.Order is null)
        {
            return NotFound();
        }

        return Order.Status switch
        {
            OrderStatus.Paid => (await ReturnStock(OrderStatus.Refunded)).ToView(),
            OrderStatus.Refunded => Order.ToView(),
            _ => WrongStatus(ErrorCodes.OrderNotRefundable, $"Only a paid order that has not shipped can be refunded; this one is {Order.Status}."),
        };
    }

    public async Task<Outcome<OrderView>> Ship(string carrier, string trackingNumber)
    {
        if (State.Order is null)
        {
            return NotFound();
        }

        if (Order.Status != OrderStatus.Paid)
        {
            return WrongStatus(ErrorCodes.OrderNotShippable, $"Only a paid order can be shipped; this one is {Order.Status}.");
        }

        var shipment = new StoredShipment(carrier, trackingNumber, clock.GetUtcNow());
        return (await Transition(OrderStatus.Shipped, o => o with { Shipment = shipment },
            s => s with { OwedCommits = s.OwedCommits.Union(ProductIds()) })).ToView();
    }

    public async Task<Outcome<OrderView>> Deliver()
    {
        if (State.Order is null)
        {
            return NotFound();
        }

        return Order.Status == OrderStatus.Shipped
            ? (await Transition(OrderStatus.Delivered)).ToView()
            : WrongStatus(ErrorCodes.OrderNotDeliverable, $"Only a shipped order can be delivered; this one is {Order.Status}.");
    }

    /// <summary>Remembers a refused attempt under its key (the newest few: each retry has a new key).</summary>
    private async Task<ShopError> Refuse(CardPayment payment, ShopError error)
    {
        var refused = State.RefusedPayments.Add(new RefusedPayment(payment.IdempotencyKey, StoredError.From(error)));
        await store.SaveAsync(State with { RefusedPayments = refused.Count > 20 ? refused.RemoveAt(0) : refused });
        return error;
    }

    private async Task<StoredOrder> ExpireIfOverdue()
    {
        if (Order.Status == OrderStatus.PendingPayment && clock.GetUtcNow() >= Order.PaymentDeadline)
        {
            logger.LogInformation("Order {OrderId} passed its payment deadline and is cancelled", Id);
            return await ReturnStock(OrderStatus.Cancelled);
        }

        return Order;
    }

    private Task<StoredOrder> ReturnStock(OrderStatus status) =>
        Transition(status, change: null, s => s with { OwedReleases = s.OwedReleases.Union(ProductIds()) });

    private async Task<StoredOrder> Transition(
        OrderStatus status,
        Func<StoredOrder, StoredOrder>? change = null,
        Func<OrderState, OrderState>? alsoChange = null)
    {
        var order = change?.Invoke(Order) ?? Order;
        var next = order with { Status = status, History = [.. order.History, new StoredStatusChange(status, clock.GetUtcNow())] };
        var state = State with { Order = next };
        await Record(alsoChange?.Invoke(state) ?? state);
        await SettleStock();
        return Order;
    }

    private IEnumerable<string> ProductIds() => Order.Items.Select(i => i.ProductId);

    private static ShopError NotFound() => ShopError.NotFound(ErrorCodes.OrderNotFound, "The order does not exist.");

    private static ShopError NotPayable(StoredOrder order) =>
        WrongStatus(ErrorCodes.OrderNotPayable, $"The order cannot be paid: it is {order.Status}.", order.Status);

    private ShopError WrongStatus(string code, string detail) => WrongStatus(code, detail, Order.Status);

    private static ShopError WrongStatus(string code, string detail, OrderStatus status) =>
        ShopError.Conflict(code, detail, new Dictionary<string, object> { ["status"] = status.ToString() });
}
