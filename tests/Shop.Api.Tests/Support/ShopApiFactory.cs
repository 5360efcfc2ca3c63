using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shop.Grains.Notifications;

namespace Shop.Api.Tests.Support;

/// <summary>
/// The real API with its embedded silo (memory storage, demo catalog), on free loopback ports so
/// several can run at once. Emails are captured instead of written to disk.
/// </summary>
public sealed class ShopApiFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.shop";
    public const string AdminPassword = "admin-password-123";
    public const string WebhookKey = "test-webhook-key-that-is-long-enough-0123456789";

    public CapturedEmails Emails { get; } = new();

    /// <summary>False sends emails through the configured SMTP server instead of capturing them.</summary>
    public bool CaptureEmails { get; init; } = true;

    /// <summary>Services a test class replaces (e.g. the alert signals).</summary>
    public Action<IServiceCollection>? Replace { get; init; }

    /// <summary>Extra settings a test class needs, applied over the defaults.</summary>
    public Dictionary<string, string> Settings { get; } = new()
    {
        ["SILO_PORT"] = FreePorts.Next().ToString(),
        ["GATEWAY_PORT"] = FreePorts.Next().ToString(),
        ["JWT_SECRET"] = "test-secret-for-the-shop-api-tests-0123456789",
        ["BCRYPT_SALT_ROUNDS"] = "4",
        ["WEBHOOK_API_KEY"] = WebhookKey,
        ["ADMIN_EMAIL"] = AdminEmail,
        ["ADMIN_PASSWORD"] = AdminPassword,
        ["AUTH_RATE_LIMIT_PER_MINUTE"] = "100000",
        // Every test client shares one address; the limits have tests of their own.
        ["CART_RATE_LIMIT_PER_MINUTE"] = "100000",
        ["ORDER_RATE_LIMIT_PER_MINUTE"] = "100000",
        // Some tests place many orders for one shopper; the cap has tests of its own.
        ["MAX_UNPAID_ORDERS"] = "1000",
        ["LOG_LEVEL"] = "warn",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            if (CaptureEmails)
            {
                services.RemoveAll<IDelivery<EmailMessage>>();
                services.AddSingleton<IDelivery<EmailMessage>>(Emails);
            }

            services.AddSingleton<IStartupFilter, TestClientAddress>();
            Replace?.Invoke(services);
        });
    }
}
