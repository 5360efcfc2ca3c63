using Shop.Api.Notifications.Email;
using Shop.Api.Notifications.Orders;
using Shop.Api.Notifications.Sms;
using Shop.Api.Notifications.Webhook;

namespace Shop.Api.Notifications;

public static class NotificationSetup
{
    public static WebApplicationBuilder AddShopNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(NotificationRetry.Default);

        var email = EmailSettings.Read(builder.Configuration, builder.Environment);
        services.AddSingleton(email);
        AddChannel<EmailMessage>(services);
        if (email.Host is not null)
        {
            services.AddSingleton<IDelivery<EmailMessage>, SmtpEmailDelivery>();
        }
        else
        {
            services.AddSingleton<IDelivery<EmailMessage>, PickupDirectoryEmailDelivery>();
        }

        var twilio = TwilioSettings.Read(builder.Configuration);
        services.AddSingleton(twilio);
        AddChannel<SmsMessage>(services);
        if (twilio.Configured)
        {
            services.AddSingleton<IDelivery<SmsMessage>, TwilioSmsDelivery>();
        }
        else
        {
            services.AddSingleton<IDelivery<SmsMessage>, DisabledSmsDelivery>();
        }

        services.AddHttpClient(nameof(WebhookDelivery), c => c.Timeout = TimeSpan.FromSeconds(15));
        AddChannel<WebhookMessage>(services);
        services.AddSingleton<IDelivery<WebhookMessage>, WebhookDelivery>();

        services.AddSingleton<OrderNotifier>();
        return builder;
    }

    private static void AddChannel<T>(IServiceCollection services)
        where T : INotification
    {
        services.AddSingleton<Outbox<T>>();
        services.AddHostedService<OutboxDispatcher<T>>();
    }
}
