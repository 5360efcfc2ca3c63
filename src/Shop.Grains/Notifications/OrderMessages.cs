using System.Globalization;
using System.Text;
using Shop.Grains.Orders;
using Shop.Grains.Users;

namespace Shop.Grains.Notifications;

/// <summary>The texts of order emails and SMS, in the shopper's language (zh-CN unless en-US).</summary>
public static class OrderMessages
{
    public static (string Subject, string Body) Email(OrderEventKind kind, OrderView order, string name, string language, string orderUrl)
    {
        var english = language == Languages.English;
        var number = Number(order);
        var subject = (kind, english) switch
        {
            (OrderEventKind.Placed, false) => $"订单 {number} 已提交，请在 {Time(order.PaymentDeadline)} 前付款",
            (OrderEventKind.Paid, false) => $"订单 {number} 付款成功",
            (OrderEventKind.Shipped, false) => $"订单 {number} 已发货",
            (OrderEventKind.Refunded, false) => $"订单 {number} 已退款",
            (OrderEventKind.Placed, true) => $"Order {number} placed: please pay by {Time(order.PaymentDeadline)}",
            (OrderEventKind.Paid, true) => $"Order {number} is paid",
            (OrderEventKind.Shipped, true) => $"Order {number} has shipped",
            _ => $"Order {number} is refunded",
        };

        var body = new StringBuilder();
        body.AppendLine(english ? $"Hello {name}," : $"{name}，您好：").AppendLine();
        body.AppendLine(subject).AppendLine();
        if (kind == OrderEventKind.Shipped && order.Shipment is { } shipment)
        {
            body.AppendLine(english
                ? $"Carrier: {shipment.Carrier}, tracking number: {shipment.TrackingNumber}"
                : $"承运商：{shipment.Carrier}，运单号：{shipment.TrackingNumber}").AppendLine();
        }

        foreach (var line in order.Items)
        {
            body.AppendLine($"  {line.Name} × {line.Quantity}  {Money(line.LineTotal)}");
        }

        body.AppendLine(english ? $"Shipping: {Money(order.ShippingFee)}" : $"运费：{Money(order.ShippingFee)}");
        body.AppendLine(english ? $"Total: {Money(order.Total)}" : $"合计：{Money(order.Total)}").AppendLine();
        if (kind == OrderEventKind.Refunded)
        {
            body.AppendLine(english ? "The money goes back to the card you paid with." : "款项将原路退回您的支付卡。").AppendLine();
        }

        body.AppendLine(english ? $"See the order: {orderUrl}" : $"查看订单：{orderUrl}");
        return (subject, body.ToString());
    }

    public static string ShippedSms(OrderView order, string language) =>
        language == Languages.English
            ? $"[Shop] Order {Number(order)} has shipped with {order.Shipment?.Carrier}, tracking {order.Shipment?.TrackingNumber}."
            : $"【Shop 商城】您的订单 {Number(order)} 已由{order.Shipment?.Carrier}发出，运单号 {order.Shipment?.TrackingNumber}。";

    /// <summary>Money in fen as ¥ with two decimals, by integer arithmetic.</summary>
    public static string Money(long fen) =>
        $"¥{(fen / 100).ToString("N0", CultureInfo.InvariantCulture)}.{Math.Abs(fen % 100).ToString("D2", CultureInfo.InvariantCulture)}";

    /// <summary>The short number shoppers see (the last 8 characters of the id).</summary>
    public static string Number(OrderView order) => order.Id[^8..].ToUpperInvariant();

    private static string Time(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (UTC+8)";
}
