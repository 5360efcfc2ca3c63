using Shop.Grains.Common;

namespace Shop.Grains.Orders;

/// <summary>
/// One order and its state machine:
/// PendingPayment → Paid → Shipped → Delivered; PendingPayment → Cancelled; Paid → Refunded.
/// Every status change is an <see cref="OrderEvent"/>, stored with the order; the silo reacts to the
/// events (notifications) and a persistent reminder cancels the order when the payment deadline passes.
/// </summary>
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Reserves every line; when one fails, releases what it reserved and refuses.</summary>
    Task<Outcome<OrderView>> Place(PlaceOrder order);

    /// <summary>Null when no order exists under this id.</summary>
    Task<OrderView?> Get();

    Task<Outcome<OrderView>> PayByCard(CardPayment payment);

    /// <summary>Applies a payment provider's event; repeats are no-ops.</summary>
    Task<Outcome<OrderView>> ApplyPaymentEvent(PaymentEvent paymentEvent);

    /// <summary>The shopper's cancel: Cancelled before payment, Refunded after, refused once shipped.</summary>
    Task<Outcome<OrderView>> Cancel();

    Task<Outcome<OrderView>> Ship(string carrier, string trackingNumber);

    Task<Outcome<OrderView>> Deliver();

    Task<Outcome<OrderView>> Refund();
}
