using Shop.Grains.Common;

namespace Shop.Grains.Orders;

/// <summary>
/// One order and its state machine:
/// PendingPayment → Paid → Shipped → Delivered; PendingPayment → Cancelled; Paid → Refunded.
/// A persistent reminder cancels it when the payment deadline passes.
/// </summary>
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Reserves every line; when one fails, releases what it reserved and returns 409.</summary>
    Task<Outcome<OrderView>> Place(PlaceOrder order);

    /// <summary>Null when no order exists under this id.</summary>
    Task<OrderView?> Get();

    Task<Outcome<OrderView>> PayByCard(CardPayment payment);

    /// <summary>Applies a payment provider's event; repeats are no-ops.</summary>
    Task<Outcome<OrderView>> ApplyPaymentEvent(PaymentEvent paymentEvent);

    /// <summary>The shopper's cancel: Cancelled before payment, Refunded after, 409 once shipped.</summary>
    Task<Outcome<OrderView>> Cancel();

    Task<Outcome<OrderView>> Ship(string carrier, string trackingNumber);

    Task<Outcome<OrderView>> Deliver();

    Task<Outcome<OrderView>> Refund();

    /// <summary>
    /// True the first time it is asked about a status the order has reached, false ever after: of all
    /// the requests that saw the order move there (concurrent cancels, a replayed webhook), exactly
    /// one tells the shopper.
    /// </summary>
    Task<bool> ClaimNotice(OrderStatus status);
}
