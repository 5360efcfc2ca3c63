using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Api.Alerts;
using Shop.Api.Features.Auth;
using Shop.Api.Features.Orders;
using Shop.Api.Infrastructure;
using Shop.Api.Operations;
using Shop.Api.Seeding;
using Shop.Grains.Common;
using Shop.Silo.Configuration;
using Shop.Silo.Hosting;
using Shop.Silo.Notifications;
using Shop.Silo.Operations;

namespace Shop.Api.Tests.Operations;

/// <summary>
/// Settings bound from flat environment variables into options classes: defaults when unset (or set
/// empty, as an .env line "SMTP_USER=" does), values read, and a malformed value named in one line.
/// </summary>
public sealed class SettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
        .Build();

    /// <summary>What a started host gets: the options as bound and validated by AddShopOptions.</summary>
    private static T Bound<T>(IConfiguration config) where T : class
    {
        var services = new ServiceCollection().AddSingleton(config);
        services.AddShopOptions<T>();
        return services.BuildServiceProvider().GetRequiredService<IOptions<T>>().Value;
    }

    private static IReadOnlyList<string> ProblemsOf<T>(IConfiguration config) where T : class
    {
        var error = Assert.ThrowsAny<Exception>(() => Bound<T>(config));
        return ShopOptions.Problems(error) ?? throw new Xunit.Sdk.XunitException($"not a settings problem: {error}");
    }

    [Fact]
    public void Unset_and_empty_settings_keep_their_defaults()
    {
        var email = Bound<EmailOptions>(Config(("SMTP_PORT", ""), ("SMTP_FROM", " "), ("SMTP_USER", "")));
        Assert.Equal(587, email.Port);
        Assert.Equal("Shop <no-reply@shop.local>", email.From);
        Assert.Null(email.User);

        var auth = Bound<AuthOptions>(Config());
        Assert.Equal(TimeSpan.FromDays(7), auth.TokenLifetime.Value);
        Assert.Equal(12, auth.BcryptRounds);

        var rules = new ShopRulesOptions();
        Bound<OrderRuleSettings>(Config(("MAX_UNPAID_ORDERS", ""))).ApplyTo(rules);
        Assert.Equal(new ShopRulesOptions().MaxUnpaidOrders, rules.MaxUnpaidOrders);
        Assert.Equal(TimeSpan.FromMinutes(30), rules.PaymentTimeout);
    }

    [Fact]
    public void Values_are_read_in_the_units_ops_write()
    {
        var auth = Bound<AuthOptions>(Config(("JWT_EXPIRES_IN", "12h"), ("BCRYPT_SALT_ROUNDS", "10")));
        Assert.Equal(TimeSpan.FromHours(12), auth.TokenLifetime.Value);
        Assert.Equal(10, auth.BcryptRounds);

        var rules = new ShopRulesOptions();
        Bound<OrderRuleSettings>(Config(("PAYMENT_TIMEOUT", "45s"), ("MAX_UNPAID_ORDERS", "7"))).ApplyTo(rules);
        Assert.Equal(TimeSpan.FromSeconds(45), rules.PaymentTimeout);
        Assert.Equal(7, rules.MaxUnpaidOrders);

        var alerts = Bound<AlertOptions>(Config(("ALERT_EMAILS", "ops@shop.test, oncall@shop.test"), ("ALERT_WINDOW", "2m")));
        Assert.Equal(["ops@shop.test", "oncall@shop.test"], alerts.Emails);
        Assert.Equal(TimeSpan.FromMinutes(2), alerts.Window.Value);

        Assert.Equal(3, Bound<RateLimitOptions>(Config(("ORDER_RATE_LIMIT_PER_MINUTE", "3"))).CheckoutPerUser);
    }

    [Theory]
    [InlineData("MAX_UNPAID_ORDERS", "0", "MAX_UNPAID_ORDERS must be at least 1.")]
    [InlineData("MAX_UNPAID_ORDERS", "-2", "MAX_UNPAID_ORDERS must be at least 1.")]
    [InlineData("MAX_UNPAID_ORDERS", "three", "MAX_UNPAID_ORDERS must be a whole number; got 'three'.")]
    [InlineData("PAYMENT_TIMEOUT", "soon", "PAYMENT_TIMEOUT must be a duration like 7d, 12h, 30m, 45s or a number of seconds; got 'soon'.")]
    public void A_malformed_order_rule_is_named(string key, string value, string expected)
    {
        Assert.Equal([expected], ProblemsOf<OrderRuleSettings>(Config((key, value))));
    }

    [Fact]
    public void Malformed_auth_mail_and_alert_settings_are_named_one_line_each()
    {
        Assert.Equal(["BCRYPT_SALT_ROUNDS must be between 4 and 20."], ProblemsOf<AuthOptions>(Config(("BCRYPT_SALT_ROUNDS", "21"))));
        Assert.Equal(["JWT_EXPIRES_IN must be at most 365d."], ProblemsOf<AuthOptions>(Config(("JWT_EXPIRES_IN", "400d"))));
        Assert.Equal(["SMTP_PORT must be a port number (1-65535)."], ProblemsOf<EmailOptions>(Config(("SMTP_PORT", "70000"))));
        Assert.Equal(["SMTP_PORT must be a whole number; got 'smtp'."], ProblemsOf<EmailOptions>(Config(("SMTP_PORT", "smtp"))));
        Assert.Equal(["ALERT_WEBHOOK_URL must be an absolute URL."], ProblemsOf<AlertOptions>(Config(("ALERT_WEBHOOK_URL", "hooks/ops"))));
        Assert.Equal(
            ["ALERT_CPU_PERCENT must be a positive number.", "ALERT_MIN_REQUESTS must be at least 1."],
            ProblemsOf<AlertOptions>(Config(("ALERT_CPU_PERCENT", "0"), ("ALERT_MIN_REQUESTS", "0"))));
    }

    [Fact]
    public void The_public_url_origins_admin_demo_data_dashboard_and_metrics_are_read()
    {
        var links = Bound<ShopLinkOptions>(Config(("API_BASE_URL", "https://shop.example.com/shop/"), ("PORT", "8080")));
        Assert.Equal(new Uri("https://shop.example.com/shop/"), links.BaseUrl);
        Assert.Equal("https://shop.example.com", ConfiguredShopLinks.BaseUrl(links));
        Assert.Equal("http://localhost:8080", ConfiguredShopLinks.BaseUrl(Bound<ShopLinkOptions>(Config(("API_BASE_URL", " "), ("PORT", "8080")))));
        Assert.Equal("http://localhost:5000", ConfiguredShopLinks.BaseUrl(Bound<ShopLinkOptions>(Config())));

        Assert.Equal(["https://a.example.com", "https://b.example.com"],
            Bound<AllowedOriginsOptions>(Config(("ALLOWED_ORIGINS", " https://a.example.com/, ,https://b.example.com"))).Origins);
        Assert.Empty(Bound<AllowedOriginsOptions>(Config(("ALLOWED_ORIGINS", ""))).Origins);

        // A blank password is no password, as it always was: no admin is made from it.
        var admin = Bound<AdminAccountOptions>(Config(("ADMIN_EMAIL", "admin@shop.test"), ("ADMIN_PASSWORD", " ")));
        Assert.Equal(("admin@shop.test", (string?)null), (admin.Email, admin.Password));
        Assert.Equal("webhook-key", Bound<WebhookOptions>(Config(("WEBHOOK_API_KEY", "webhook-key"))).Key);

        Assert.Equal([true, true, true, false, false, null],
            new[] { "true", " YES ", "1", "False", "0", "" }.Select(v => Bound<DemoDataOptions>(Config(("SEED_DEMO_DATA", v))).Seed));
        Assert.Equal([true, false, null],
            new[] { "TRUE", " false ", "" }.Select(v => Bound<ShopDashboardOptions>(Config(("DASHBOARD_ENABLED", v))).Enabled));

        Assert.Null(Bound<SiloMetricsOptions>(Config(("METRICS_HOST", "127.0.0.1"))).Endpoint);
        Assert.Equal(new IPEndPoint(IPAddress.IPv6Any, 9464), Bound<SiloMetricsOptions>(Config(("METRICS_PORT", "9464"))).Endpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 9464), Bound<SiloMetricsOptions>(Config(("METRICS_PORT", "9464"), ("METRICS_HOST", "127.0.0.1"))).Endpoint);
    }

    [Fact]
    public void Malformed_public_url_flags_and_metrics_listener_are_named_one_line_each()
    {
        Assert.Equal([ShopLinkOptions.BaseUrlProblem], ProblemsOf<ShopLinkOptions>(Config(("API_BASE_URL", "shop.example.com"))));
        Assert.Equal(["SEED_DEMO_DATA must be true or false; got 'maybe'."], ProblemsOf<DemoDataOptions>(Config(("SEED_DEMO_DATA", "maybe"))));
        Assert.Equal(["DASHBOARD_ENABLED must be true or false; got 'yes'."], ProblemsOf<ShopDashboardOptions>(Config(("DASHBOARD_ENABLED", "yes"))));
        Assert.Equal(["METRICS_PORT must be a port number (1-65535), not '9464x'."], ProblemsOf<SiloMetricsOptions>(Config(("METRICS_PORT", "9464x"))));
        Assert.Equal(["METRICS_PORT must be a port number (1-65535), not '70000'."], ProblemsOf<SiloMetricsOptions>(Config(("METRICS_PORT", "70000"))));
        Assert.Equal(["METRICS_HOST must be an IP address, not 'metrics.local'."],
            ProblemsOf<SiloMetricsOptions>(Config(("METRICS_PORT", "9464"), ("METRICS_HOST", "metrics.local"))));
    }

    [Fact]
    public void Only_settings_failures_are_described()
    {
        Assert.Null(ShopOptions.Problems(new InvalidOperationException("something else")));
        Assert.Null(ShopOptions.Problems(new AggregateException(new OptionsValidationException("x", typeof(object), ["bad"]), new IOException())));
    }
}
