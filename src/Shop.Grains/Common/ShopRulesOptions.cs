namespace Shop.Grains.Common;

/// <summary>Business rules the grains apply; bound from configuration by the silo.</summary>
public sealed class ShopRulesOptions
{
    /// <summary>How long an order waits for payment before it is cancelled (PAYMENT_TIMEOUT).</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often an order retries stock it still owes back after a failed attempt.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public long ShippingFee { get; set; } = 1000;

    /// <summary>Orders whose subtotal reaches this ship free.</summary>
    public long FreeShippingFrom { get; set; } = 9900;

    /// <summary>
    /// Failed sign-ins of one account from one client within <see cref="LoginFailureWindow"/> before
    /// that client's next attempts must wait (growing delays, see SignInThrottle).
    /// </summary>
    public int MaxLoginFailures { get; set; } = 5;

    public TimeSpan LoginFailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed sign-ins of one account, from anywhere within the window, after which its owner is emailed.</summary>
    public const int FailuresToTellOwner = 20;

    /// <summary>Unpaid orders one shopper may have at once (MAX_UNPAID_ORDERS): each holds stock until paid or expired.</summary>
    public int MaxUnpaidOrders { get; set; } = 3;

    /// <summary>Units of one product one order may hold (MAX_UNITS_PER_PRODUCT).</summary>
    public int MaxUnitsPerProduct { get; set; } = 10;

    public long ShippingFeeFor(long subtotal) => subtotal >= FreeShippingFrom ? 0 : ShippingFee;
}
