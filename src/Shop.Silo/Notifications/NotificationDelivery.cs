using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Shop.Grains.Notifications;
using Shop.Silo.Configuration;

namespace Shop.Silo.Notifications;

/// <summary>
/// How notifications leave the shop: email by SMTP (or .eml files without SMTP_HOST), SMS by Twilio
/// (or a log line without TWILIO_*), each attempt retried with exponential backoff. Silos deliver
/// order notifications; API nodes use the same deliveries for alerts and password emails. Every
/// registration is a TryAdd, so the embedded mode (API and silo in one process) gets one of each.
/// </summary>
public static class NotificationDelivery
{
    public static IServiceCollection AddShopDelivery(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(Registered)))
        {
            return services;
        }

        services.AddSingleton<Registered>();
        services.AddShopOptions<EmailOptions>();
        services.TryAddSingleton<IDelivery<EmailMessage>>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value is var email && email.Host is null
            ? new PickupDirectoryEmailDelivery(email, email.PickupDirectory ?? Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, ".mail"))
            : new SmtpEmailDelivery(email));

        services.AddShopOptions<TwilioOptions>();
        services.TryAddSingleton<IDelivery<SmsMessage>>(sp => sp.GetRequiredService<IOptions<TwilioOptions>>().Value is { Configured: true } twilio
            ? new TwilioSmsDelivery(twilio)
            : ActivatorUtilities.CreateInstance<DisabledSmsDelivery>(sp));

        services.AddShopOptions<ShopLinkOptions>();
        services.TryAddSingleton<IShopLinks, ConfiguredShopLinks>();
        services.TryAddSingleton(new NotificationRetryOptions());
        services.AddResiliencePipeline(DeliveryPipelines.Notifications, (pipeline, context) =>
        {
            var retry = context.ServiceProvider.GetRequiredService<NotificationRetryOptions>();
            pipeline.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retry.Attempts,
                Delay = retry.FirstDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            });
        });
        return services;
    }

    /// <summary>Marks the services as added: the pipeline must be registered once.</summary>
    private sealed class Registered;
}

/// <summary>Retries of one delivery: <see cref="Attempts"/> more after the first, waiting FirstDelay, then twice as long each time.</summary>
public sealed record NotificationRetryOptions(int Attempts = 3, TimeSpan FirstDelay = default)
{
    public TimeSpan FirstDelay { get; init; } = FirstDelay == default ? TimeSpan.FromSeconds(2) : FirstDelay;
}
