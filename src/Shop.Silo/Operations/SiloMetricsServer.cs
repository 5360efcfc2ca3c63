using System.ComponentModel.DataAnnotations;
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

/// <summary>METRICS_PORT, and METRICS_HOST to listen on one address only: where a standalone silo serves /metrics.</summary>
public sealed class SiloMetricsOptions : IValidatableObject
{
    [ConfigurationKeyName("METRICS_PORT")]
    public string? Port { get; set; }

    [ConfigurationKeyName("METRICS_HOST")]
    public string? Host { get; set; }

    /// <summary>Where to listen, or null when METRICS_PORT is unset (or malformed: the start check names it).</summary>
    public IPEndPoint? Endpoint => PortNumber() is not { } port ? null
        : Host is null ? new IPEndPoint(IPAddress.IPv6Any, port)
        : IPAddress.TryParse(Host, out var address) ? new IPEndPoint(address, port)
        : null;

    // Kept as text so a bad value is quoted back as written, as ops read it in their env file.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Port is null)
        {
            yield break;
        }

        if (PortNumber() is null)
        {
            yield return new ValidationResult($"METRICS_PORT must be a port number (1-65535), not '{Port}'.", [nameof(Port)]);
        }
        else if (Host is not null && !IPAddress.TryParse(Host, out _))
        {
            yield return new ValidationResult($"METRICS_HOST must be an IP address, not '{Host}'.", [nameof(Host)]);
        }
    }

    private int? PortNumber() => int.TryParse(Port, out var number) && number is >= 1 and <= 65535 ? number : null;
}
