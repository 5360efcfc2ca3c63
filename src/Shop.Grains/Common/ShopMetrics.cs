using System.Diagnostics.Metrics;

namespace Shop.Grains.Common;

/// <summary>
/// Business counters, counted where the facts happen (in the grains), exported by whichever
/// process hosts them (the embedded API, or a silo's METRICS_PORT).
/// </summary>
public static class ShopMetrics
{
    public const string MeterName = "Shop";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Registrations = Meter.CreateCounter<long>("shop.users.registered", "{user}", "Accounts created");
    public static readonly Counter<long> OrdersPlaced = Meter.CreateCounter<long>("shop.orders.placed", "{order}", "Orders placed (stock reserved)");
    public static readonly Counter<long> OrdersPaid = Meter.CreateCounter<long>("shop.orders.paid", "{order}", "Orders paid");
    public static readonly Counter<long> OrdersCancelled = Meter.CreateCounter<long>("shop.orders.cancelled", "{order}", "Orders cancelled or refunded, by status");
    public static readonly Counter<long> Revenue = Meter.CreateCounter<long>("shop.revenue", "fen", "Money taken by paid orders, in fen");
    public static readonly Counter<long> Refunded = Meter.CreateCounter<long>("shop.refunds", "fen", "Money given back by refunds, in fen");
    public static readonly Counter<long> DuplicatePayments = Meter.CreateCounter<long>("shop.payments.duplicate", "{payment}", "Payments received for orders already paid; refund them at the provider");
    public static readonly Counter<long> PasswordHashesRefused = Meter.CreateCounter<long>("shop.auth.hashes_refused", "{request}", "Sign-ins, registrations and password changes refused with 503 because the node's password-hashing queue was full");
    public static readonly UpDownCounter<long> LiveStreams = Meter.CreateUpDownCounter<long>("shop.live.streams", "{stream}", "Live update streams (GET /api/live) open on this API node");
    public static readonly Counter<long> RequestsRateLimited = Meter.CreateCounter<long>("shop.requests.rate_limited", "{request}", "Requests refused with 429 by a rate limit, by limit (auth, checkout, cart)");
}
