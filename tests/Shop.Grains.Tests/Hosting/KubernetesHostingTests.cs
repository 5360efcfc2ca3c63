using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Shop.Silo.Configuration;
using Shop.Silo.Hosting;

namespace Shop.Grains.Tests.Hosting;

/// <summary>
/// SILO_HOSTING=kubernetes: the silo takes its name and address from the pod (what deploy/k8s/silo.yaml
/// passes through the downward API), keeps the shop's ports and cluster identity, and refuses to
/// start, naming the variable, when the pod variables are missing.
/// </summary>
public sealed class KubernetesHostingTests
{
    private static readonly Dictionary<string, string?> Pod = new()
    {
        ["SILO_HOSTING"] = "kubernetes",
        ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1",
        ["POD_NAME"] = "shop-silo-7d9f8-abcde",
        ["POD_NAMESPACE"] = "shop",
        ["POD_IP"] = "10.244.1.17",
        ["POSTGRES_CONNECTION"] = "Host=db;Username=shop;Password=x;Database=shop",
        ["SILO_PORT"] = "11111",
        ["GATEWAY_PORT"] = "30000",
        ["CLUSTER_ID"] = "shop-prod",
        ["SERVICE_ID"] = "shop",
    };

    [Fact]
    public void A_silo_in_a_pod_is_named_after_the_pod_and_advertises_its_IP_on_the_shops_ports()
    {
        var services = BuildSilo(Pod);

        var endpoints = services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal(IPAddress.Parse("10.244.1.17"), endpoints.AdvertisedIPAddress);
        // Not an address of the machine running the test: every interface (see the next test).
        Assert.Equal(new IPEndPoint(IPAddress.Any, 11111), endpoints.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 30000), endpoints.GatewayListeningEndpoint);
        Assert.Equal("shop-silo-7d9f8-abcde", services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName);
        var cluster = services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal(("shop-prod", "shop"), (cluster.ClusterId, cluster.ServiceId));
    }

    [Fact]
    public void A_pod_listens_on_its_own_IP_only()
    {
        // In a pod, POD_IP is the address of the pod's own interface; here, this machine's.
        var own = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

        var endpoints = BuildSilo(With(Pod, ("POD_IP", own.ToString()), ("SILO_ADVERTISED_IP", own.ToString())))
            .GetRequiredService<IOptions<EndpointOptions>>().Value;

        Assert.Equal(new IPEndPoint(own, 11111), endpoints.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(own, 30000), endpoints.GatewayListeningEndpoint);
    }

    [Fact]
    public void Without_SILO_HOSTING_the_pod_variables_change_nothing()
    {
        var services = BuildSilo(With(Pod, ("SILO_HOSTING", null), ("SILO_ADVERTISED_IP", "10.0.0.5")));

        Assert.NotEqual("shop-silo-7d9f8-abcde", services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName);
        Assert.Equal(IPAddress.Parse("10.0.0.5"), services.GetRequiredService<IOptions<EndpointOptions>>().Value.AdvertisedIPAddress);
    }

    [Fact]
    public void Pod_settings_are_complete()
    {
        Assert.Empty(KubernetesHosting.Problems(Config(Pod)));
        Assert.Empty(KubernetesHosting.Problems(Config(With(Pod, ("SILO_HOSTING", null), ("POD_IP", null)))));
    }

    [Theory]
    [InlineData("POD_NAME", null, "SILO_HOSTING=kubernetes needs POD_NAME")]
    [InlineData("POD_NAMESPACE", "", "SILO_HOSTING=kubernetes needs POD_NAMESPACE")]
    [InlineData("POD_IP", null, "SILO_HOSTING=kubernetes needs POD_IP")]
    [InlineData("POD_IP", "pod-ip", "POD_IP must be the pod's IP address")]
    [InlineData("KUBERNETES_SERVICE_HOST", null, "SILO_HOSTING=kubernetes but KUBERNETES_SERVICE_HOST is not set")]
    [InlineData("POSTGRES_CONNECTION", null, "SILO_HOSTING=kubernetes needs a database")]
    [InlineData("SILO_HOSTING", "k8s", "SILO_HOSTING must be kubernetes or unset; got 'k8s'")]
    [InlineData("ORLEANS_SERVICE_ID", "other", "ORLEANS_SERVICE_ID (other) differs from SERVICE_ID (shop)")]
    public void Each_missing_pod_setting_is_named(string name, string? value, string expected)
    {
        var problem = Assert.Single(KubernetesHosting.Problems(Config(With(Pod, (name, value)))));
        Assert.StartsWith(expected, problem);
    }

    [Fact]
    public void The_silo_refuses_to_build_without_the_pod_variables()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BuildSilo(With(Pod, ("POD_NAME", null))));
        Assert.Contains("POD_NAME", e.Message);
    }

    // Orleans' Kubernetes hosting reads POD_* from the process environment, as the silo's own
    // configuration does; the test sets them for the build and puts the old values back.
    private static IServiceProvider BuildSilo(Dictionary<string, string?> settings)
    {
        var saved = settings.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (key, value) in settings)
            {
                Environment.SetEnvironmentVariable(key, value);
            }

            var config = Config(settings);
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.UseOrleans(silo => silo.AddShopSilo(config));
            var services = builder.Build().Services;
            // Options are computed on first read: read them while the variables are set.
            _ = services.GetRequiredService<IOptions<EndpointOptions>>().Value;
            _ = services.GetRequiredService<IOptions<SiloOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ClusterOptions>>().Value;
            return services;
        }
        finally
        {
            foreach (var (key, value) in saved)
            {
                Environment.SetEnvironmentVariable(key, value);
            }
        }
    }

    private static IConfiguration Config(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, params (string Name, string? Value)[] changes)
    {
        var copy = new Dictionary<string, string?>(settings);
        foreach (var (name, value) in changes)
        {
            copy[name] = value;
        }

        return copy;
    }
}
