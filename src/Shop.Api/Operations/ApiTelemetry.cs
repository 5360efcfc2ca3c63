using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Sentry.AspNetCore;
using Shop.Silo.Operations;

namespace Shop.Api.Operations;

/// <summary>
/// Metrics (HTTP by route, runtime, process, Orleans, business) scraped at /metrics, traces from
/// HTTP into the grains when an OTLP endpoint takes them, and Sentry when SENTRY_DSN is set, with
/// nothing personal or secret sent.
/// </summary>
public static partial class ApiTelemetry
{
    private static readonly string[] SecretHeaders = ["Authorization", "Cookie", "Set-Cookie", "X-Shop-Signature"];

    public static WebApplicationBuilder AddShopApiTelemetry(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddShopTelemetry(builder.Configuration, "shop-api")
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddPrometheusExporter());
        if (SiloTelemetry.ExportsTraces(builder.Configuration))
        {
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/metrics")));
        }

        if (builder.Configuration["SENTRY_DSN"] is { Length: > 0 } dsn)
        {
            builder.WebHost.UseSentry(o => ConfigureSentry(o, dsn, builder.Environment.EnvironmentName));
        }

        return builder;
    }

    public static WebApplication MapShopMetrics(this WebApplication app)
    {
        // Not under /api: the nginx in front of the shop does not expose it; Prometheus scrapes nodes directly.
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static void ConfigureSentry(SentryAspNetCoreOptions options, string dsn, string environment)
    {
        options.Dsn = dsn;
        options.Environment = environment.ToLowerInvariant();
        options.SendDefaultPii = false;
        options.MaxRequestBodySize = Sentry.Extensibility.RequestSize.None;
        options.TracesSampleRate = 0;
        options.SetBeforeSend((sentryEvent, _) =>
        {
            // Belt and braces: whatever the SDK collected, no credentials, user or query string leave.
            foreach (var header in SecretHeaders)
            {
                sentryEvent.Request.Headers.Remove(header);
            }

            sentryEvent.Request.QueryString = null;
            sentryEvent.Request.Cookies = null;
            sentryEvent.Request.Data = null;
            sentryEvent.User = new SentryUser();
            return sentryEvent;
        });

        // Breadcrumbs come from the logs, and the hosting log names every URL with its query string
        // (a search, a reset token): keep the path, drop the query. (This runs as the breadcrumb is
        // recorded, so the copy's own timestamp is the original's.)
        options.SetBeforeBreadcrumb(crumb => new Breadcrumb(
            WithoutQuery(crumb.Message) ?? "", crumb.Type ?? "default",
            crumb.Data?.ToDictionary(d => d.Key, d => WithoutQuery(d.Value) ?? ""), crumb.Category, crumb.Level));
    }

    private static string? WithoutQuery(string? text) => text is null ? null : QueryString().Replace(text, "?[filtered]");

    [System.Text.RegularExpressions.GeneratedRegex(@"\?[^\s""]+")]
    private static partial System.Text.RegularExpressions.Regex QueryString();
}
