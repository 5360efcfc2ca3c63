using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Shop.Grains.Common;

namespace Shop.Silo.Operations;

/// <summary>
/// OpenTelemetry for a process hosting grains: Orleans, runtime, process and the shop's business
/// meters; traces of grain calls. OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set (the
/// exporter reads the standard OTEL_* variables itself).
/// </summary>
public static class SiloTelemetry
{
    public static OpenTelemetryBuilder AddShopTelemetry(this IServiceCollection services, IConfiguration config, string serviceName)
    {
        var otlp = !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        return services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceVersion: typeof(SiloTelemetry).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddRuntimeInstrumentation().AddProcessInstrumentation()
                    .AddMeter("Microsoft.Orleans", ShopMetrics.MeterName);
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application");
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
    }

    /// <summary>
    /// A standalone silo has no web server: with METRICS_PORT set it serves /metrics for Prometheus
    /// on a small Kestrel server of its own (<see cref="SiloMetricsServer"/>).
    /// </summary>
    public static void AddSiloMetricsEndpoint(this OpenTelemetryBuilder telemetry, IConfiguration config)
    {
        if (SiloMetricsServer.Endpoint(config) is { } endpoint)
        {
            telemetry.WithMetrics(m => m.AddPrometheusExporter());
            telemetry.Services.AddSingleton(new SiloMetricsServer.Settings(endpoint));
            telemetry.Services.AddHostedService<SiloMetricsServer>();
        }
    }
}
