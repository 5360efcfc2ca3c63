using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Connections.Security;
using Shop.Grains.Health;
using Shop.Silo.Hosting;
using Xunit.Abstractions;

namespace Shop.Grains.Tests.Hosting;

/// <summary>
/// The cluster ports under CLUSTER_TLS_*: a real silo (the shop's own configuration, memory storage)
/// accepts an API node's client holding a certificate of the cluster's CA, and refuses every other
/// client before it can call a grain: one that speaks no TLS (as every Orleans client did before), one
/// that speaks TLS but has no certificate, and one whose certificate another CA signed.
/// </summary>
public sealed class ClusterTlsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Refusal = TimeSpan.FromSeconds(10);
    private readonly TestCertificates _cluster = new("Shop cluster CA (tests)");
    private readonly TestCertificates _stranger = new("Another CA (tests)");
    private readonly int _siloPort = FreePort();
    private readonly int _gatewayPort = FreePort();
    private IHost _silo = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        var config = Config(_cluster.Node("silo"), ("SILO_PORT", _siloPort.ToString()), ("MAIL_PICKUP_DIR", Path.Combine(_cluster.Folder, "mail")));
        builder.UseOrleans(silo => silo.AddShopSilo(config));
        _silo = builder.Build();
        await _silo.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _silo.StopAsync();
        _silo.Dispose();
        _cluster.Dispose();
        _stranger.Dispose();
    }

    [Fact]
    public async Task A_client_with_a_certificate_of_the_cluster_CA_calls_grains()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var client = await StartClient(_cluster.Node("api", usages: ["1.3.6.1.5.5.7.3.2"]), cancellationToken: cancel.Token);

        await client.Services.GetRequiredService<IClusterClient>().GetGrain<IStorageProbeGrain>("tls").Probe();
    }

    [Fact]
    public async Task A_client_without_TLS_is_refused()
    {
        // Every Orleans client before CLUSTER_TLS: the shop's own client code, no certificate settings.
        await AssertRefused(tls: null);
    }

    [Fact]
    public async Task A_client_with_a_certificate_of_another_CA_is_refused()
    {
        // It presents a certificate and accepts any silo's, so only the silo's judgement stops it.
        var intruder = _stranger.Node("intruder");
        using var certificate = X509Certificate2.CreateFromPemFile(intruder["CLUSTER_TLS_CERT"]!, intruder["CLUSTER_TLS_KEY"]);
        await AssertRefused(client => client.UseTls(certificate, o =>
        {
            o.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            o.AllowAnyRemoteCertificate();
        }));
    }

    [Fact]
    public async Task A_TLS_client_without_a_certificate_is_refused()
    {
        await AssertRefused(client => client.UseTls(o =>
        {
            o.ClientCertificateMode = RemoteCertificateMode.NoCertificate;
            o.AllowAnyRemoteCertificate();
        }));
    }

    [Fact]
    public async Task The_silo_and_gateway_ports_refuse_a_TLS_handshake_without_a_certificate()
    {
        Assert.Null(await TestCertificates.AcceptsWithoutCertificate(_siloPort));
        Assert.Null(await TestCertificates.AcceptsWithoutCertificate(_gatewayPort));
    }

    /// <summary>
    /// A client with no CLUSTER_TLS_* settings, plus <paramref name="tls"/>, cannot call a grain: the
    /// silo that accepts the cluster's own client within a second (the test above) lets it in neither
    /// at connection nor at the call.
    /// </summary>
    private async Task AssertRefused(Action<IClientBuilder>? tls)
    {
        var error = await Record.ExceptionAsync(async () =>
        {
            using var cancel = new CancellationTokenSource(Refusal);
            using var client = await StartClient([], tls, cancel.Token);
            await client.Services.GetRequiredService<IClusterClient>().GetGrain<IStorageProbeGrain>("tls").Probe().WaitAsync(cancel.Token);
        });

        output.WriteLine($"refused: {error?.GetType().Name}: {error?.Message}");
        Assert.NotNull(error);
    }

    private async Task<IHost> StartClient(Dictionary<string, string?> tls, Action<IClientBuilder>? extra = null, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        var config = Config(tls);
        builder.UseOrleansClient(client =>
        {
            client.AddShopClient(config);
            extra?.Invoke(client);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private IConfiguration Config(Dictionary<string, string?> settings, params (string Name, string? Value)[] more)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            ["STORAGE_PROVIDER"] = "memory",
            ["GATEWAY_PORT"] = _gatewayPort.ToString(),
            ["CLUSTER_ID"] = "tls-tests",
            ["SERVICE_ID"] = "tls-tests",
        };
        foreach (var (name, value) in more)
        {
            all[name] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(all).Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
