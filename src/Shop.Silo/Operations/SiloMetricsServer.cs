using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace Shop.Silo.Operations;

/// <summary>
/// /metrics of a standalone silo, on METRICS_PORT of every interface (a container's address is not
/// known in advance) or of METRICS_HOST. Kestrel rather than the exporter's HttpListener, which
/// cannot listen on all interfaces and is not meant for production.
/// </summary>
internal sealed class SiloMetricsServer(SiloMetricsServer.Settings options, MeterProvider meters, ILogger<SiloMetricsServer> logger) : IHostedService, IAsyncDisposable
{
    internal sealed record Settings(IPEndPoint Endpoint);

    private WebApplication? _server;

    /// <summary>Where to listen, or null when METRICS_PORT is unset; a bad value stops the silo with a clear message.</summary>
    public static IPEndPoint? Endpoint(IConfiguration config)
    {
        var port = config["METRICS_PORT"];
        if (string.IsNullOrWhiteSpace(port))
        {
            return null;
        }

        if (!int.TryParse(port, out var number) || number is < 1 or > 65535)
        {
            throw new InvalidOperationException($"METRICS_PORT must be a port number (1-65535), not '{port}'.");
        }

        var host = config["METRICS_HOST"];
        if (string.IsNullOrWhiteSpace(host))
        {
            return new IPEndPoint(IPAddress.IPv6Any, number);
        }

        return IPAddress.TryParse(host, out var address)
            ? new IPEndPoint(address, number)
            : throw new InvalidOperationException($"METRICS_HOST must be an IP address, not '{host}'.");
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (options.Endpoint.Address.Equals(IPAddress.IPv6Any))
            {
                // Both IPv4 and IPv6, as Kestrel's "any" means.
                kestrel.ListenAnyIP(options.Endpoint.Port);
            }
            else
            {
                kestrel.Listen(options.Endpoint);
            }
        });
        _server = builder.Build();
        _server.UseOpenTelemetryPrometheusScrapingEndpoint(meters, predicate: null, path: "/metrics", configureBranchedPipeline: null, optionsName: null);
        await _server.StartAsync(cancellationToken);
        logger.LogInformation("Silo metrics served on {Endpoint}/metrics", options.Endpoint);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
