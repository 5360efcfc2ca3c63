using Shop.Api.Notifications.Webhook;
using Shop.Grains.Notifications;
using Shop.Silo.Notifications;

namespace Shop.Api.Notifications;

public static class NotificationSetup
{
    /// <summary>
    /// The API node's own mail: alerts (email, SMS, webhook) and password emails, queued in memory.
    /// Order notifications are the silo's, delivered from the orders' stored events.
    /// </summary>
    public static WebApplicationBuilder AddShopNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Added, not tried: in embedded mode the silo has registered its configured links already, and
        // the last registration wins.
        services.AddSingleton<IShopLinks, ListeningShopLinks>();
        services.AddShopDelivery();
        AddChannel<EmailMessage>(services);
        AddChannel<SmsMessage>(services);
        services.AddHttpClient(nameof(WebhookDelivery), c => c.Timeout = TimeSpan.FromSeconds(15));
        AddChannel<WebhookMessage>(services);
        services.AddSingleton<IDelivery<WebhookMessage>, WebhookDelivery>();
        return builder;
    }

    private static void AddChannel<T>(IServiceCollection services)
        where T : INotification
    {
        services.AddSingleton<Outbox<T>>();
        services.AddHostedService<OutboxDispatcher<T>>();
    }
}
