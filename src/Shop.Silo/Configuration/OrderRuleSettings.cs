using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Shop.Grains.Common;

namespace Shop.Silo.Configuration;

/// <summary>
/// The order rules ops may change: PAYMENT_TIMEOUT, ORDER_RETRY_PERIOD, MAX_UNPAID_ORDERS and
/// MAX_UNITS_PER_PRODUCT. Unset ones keep the defaults of <see cref="ShopRulesOptions"/>, which the grains read.
/// </summary>
public sealed class OrderRuleSettings
{
    [ConfigurationKeyName("PAYMENT_TIMEOUT")]
    public Duration? PaymentTimeout { get; set; }

    [ConfigurationKeyName("ORDER_RETRY_PERIOD")]
    public Duration? RetryPeriod { get; set; }

    [ConfigurationKeyName("MAX_UNPAID_ORDERS")]
    [Range(1, int.MaxValue, ErrorMessage = "MAX_UNPAID_ORDERS must be at least 1.")]
    public int? MaxUnpaidOrders { get; set; }

    [ConfigurationKeyName("MAX_UNITS_PER_PRODUCT")]
    [Range(1, int.MaxValue, ErrorMessage = "MAX_UNITS_PER_PRODUCT must be at least 1.")]
    public int? MaxUnitsPerProduct { get; set; }

    public void ApplyTo(ShopRulesOptions rules)
    {
        rules.PaymentTimeout = PaymentTimeout ?? rules.PaymentTimeout;
        rules.RetryPeriod = RetryPeriod ?? rules.RetryPeriod;
        rules.MaxUnpaidOrders = MaxUnpaidOrders ?? rules.MaxUnpaidOrders;
        rules.MaxUnitsPerProduct = MaxUnitsPerProduct ?? rules.MaxUnitsPerProduct;
    }
}
