namespace Shop.Grains.Notifications;

/// <summary>Something to deliver; <see cref="Kind"/> names it in logs, which never carry addresses or text.</summary>
public interface INotification
{
    string Kind { get; }
}

/// <summary>
/// Delivers one kind of notification: SMTP for email, Twilio for SMS, HTTP for webhooks. Registered
/// by the host (Shop.Silo's AddShopDelivery), used by the silo's order notifications and the API's
/// alerts and password emails alike.
/// </summary>
public interface IDelivery<in T>
    where T : INotification
{
    Task DeliverAsync(T message, CancellationToken cancellationToken);
}

/// <summary>The public address of the shop's web pages, for links in emails.</summary>
public interface IShopLinks
{
    /// <summary>The absolute URL of a page of the web client, from a path such as "/account/orders/1".</summary>
    string Page(string path);
}

public static class DeliveryPipelines
{
    /// <summary>The resilience pipeline (retries with backoff) every notification is delivered through.</summary>
    public const string Notifications = "shop-notifications";
}
