using System.Collections.Immutable;
using Shop.Grains.Common;

namespace Shop.Grains.Orders;

[GenerateSerializer, Alias("shop.OrderState")]
public sealed record OrderState
{
    /// <summary>The order, once every line is reserved.</summary>
    [Id(0)] public OrderView? Order { get; init; }

    /// <summary>
    /// Set while lines are being reserved. If the silo dies mid-checkout, the payment-deadline reminder
    /// finds it and releases whatever was reserved.
    /// </summary>
    [Id(1)] public PlaceOrder? Placing { get; init; }

    /// <summary>Products whose reserved units must still go back to stock (cancel, refund).</summary>
    [Id(2)] public ImmutableHashSet<string> OwedReleases { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Products whose reserved units must still be recorded as sold (shipped).</summary>
    [Id(3)] public ImmutableHashSet<string> OwedCommits { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>The Idempotency-Key of the payment that paid the order.</summary>
    [Id(4)] public string? PaymentKey { get; init; }

    /// <summary>A checkout that never finished and was given up by the reminder; the id is not reused.</summary>
    [Id(5)] public bool Abandoned { get; init; }

    /// <summary>The statuses the shopper has been told about (see IOrderGrain.ClaimNotice).</summary>
    [Id(6)] public ImmutableHashSet<OrderStatus> Noticed { get; init; } = ImmutableHashSet<OrderStatus>.Empty;

    /// <summary>
    /// The newest refused payment attempts (declined or invalid card) by Idempotency-Key, so that a
    /// repeat of one answers as the first did instead of charging again.
    /// </summary>
    [Id(7)] public ImmutableList<RefusedPayment> RefusedPayments { get; init; } = ImmutableList<RefusedPayment>.Empty;
}

[GenerateSerializer, Alias("shop.RefusedPayment")]
public sealed record RefusedPayment([property: Id(0)] string IdempotencyKey, [property: Id(1)] ShopError Error);
