using Shop.Grains.Common;

namespace Shop.Grains.Orders;

/// <summary>Counts each order event once, when it is recorded.</summary>
internal static class OrderMetrics
{
    public static void Count(OrderEvent orderEvent, StoredOrder order)
    {
        switch (orderEvent.Kind)
        {
            case OrderEventKind.Placed:
                ShopMetrics.OrdersPlaced.Add(1);
                break;
            case OrderEventKind.Paid:
                ShopMetrics.OrdersPaid.Add(1);
                ShopMetrics.Revenue.Add(order.Total);
                break;
            case OrderEventKind.Cancelled:
                ShopMetrics.OrdersCancelled.Add(1, new KeyValuePair<string, object?>("status", nameof(OrderStatus.Cancelled)));
                break;
            case OrderEventKind.Refunded:
                ShopMetrics.OrdersCancelled.Add(1, new KeyValuePair<string, object?>("status", nameof(OrderStatus.Refunded)));
                ShopMetrics.Refunded.Add(order.Total);
                break;
        }
    }
}
