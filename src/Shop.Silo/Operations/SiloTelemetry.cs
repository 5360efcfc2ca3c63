using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Shop.Grains.Common;
using Shop.Silo.Configuration;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Silo.Operations;

/// <summary>
/// OpenTelemetry for a process hosting grains or reaching the database: Orleans, runtime, process,
/// the shop's business meters, the build (version and commit), and the database clients: Npgsql's
/// own meter (pool use, command durations; its instruments follow OpenTelemetry's db.client
/// conventions) and the shop's meter of MongoDB driver events. Traces of grain calls, and OTLP export
/// of them and the metrics, when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads the standard OTEL_* variables itself).
/// </summary>
public static class SiloTelemetry
{
    /// <summary>The meter Npgsql (8 and later) reports its connection pools and commands on.</summary>
    public const string NpgsqlMeterName = "Npgsql";

    public const string BuildMeterName = "Shop.Build";

    /// <summary>shop_build_info{version, commit} = 1: which build each node runs, e.g. during a rolling upgrade.</summary>
    private static readonly Lazy<Meter> BuildMeter = new(() =>
    {
        var meter = new Meter(BuildMeterName);
        meter.CreateObservableGauge(
            "shop.build.info",
            () => new Measurement<int>(1, new("version", BuildInfo.Current.Version), new("commit", BuildInfo.Current.Commit)),
            description: "The release and git commit this process was built from (always 1)");
        return meter;
    });

    /// <summary>
    /// Whether spans leave the process. Without an exporter nothing records them: a sampled span on every
    /// request and grain call, with its tags, cost 3-4 % of a cart read's CPU only to be dropped.
    /// </summary>
    public static bool ExportsTraces(IConfiguration config) => !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static OpenTelemetryBuilder AddShopTelemetry(this IServiceCollection services, IConfiguration config, string serviceName)
    {
        var otlp = ExportsTraces(config);
        _ = BuildMeter.Value;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceVersion: BuildInfo.Current.Version))
            .WithMetrics(metrics =>
            {
                metrics.AddRuntimeInstrumentation().AddProcessInstrumentation()
                    .AddMeter("Microsoft.Orleans", ShopMetrics.MeterName, BuildMeterName, NpgsqlMeterName, MongoMetrics.MeterName);
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return otlp
            ? telemetry.WithTracing(tracing => tracing.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application").AddOtlpExporter())
            : telemetry;
    }

    /// <summary>
    /// A standalone silo has no web server: with METRICS_PORT set it serves /metrics for Prometheus
    /// on a small Kestrel server of its own (<see cref="SiloMetricsServer"/>).
    /// </summary>
    public static void AddSiloMetricsEndpoint(this OpenTelemetryBuilder telemetry, IConfiguration config)
    {
        telemetry.Services.AddShopOptions<SiloMetricsOptions>();
        if (ShopOptions.ReadOrDefault<SiloMetricsOptions>(config).Endpoint is { } endpoint)
        {
            telemetry.WithMetrics(m => m.AddPrometheusExporter());
            telemetry.Services.AddSingleton(new SiloMetricsServer.Settings(endpoint));
            telemetry.Services.AddHostedService<SiloMetricsServer>();
        }
    }
}
