using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Shop.Silo.Hosting;

namespace Shop.Grains.Tests.Hosting;

/// <summary>
/// Where a silo with a membership table binds its ports: the advertised address when it is this
/// machine's (a container's or a pod's own IP), so other interfaces do not expose them; every
/// interface only when the advertised address cannot be bound (NAT) or none is given.
/// </summary>
public sealed class SiloEndpointTests
{
    [Fact]
    public void An_advertised_address_of_this_machine_is_the_only_one_listened_on()
    {
        // This machine's first non-loopback IPv4 address, as a container's eth0 would be.
        var own = NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .First(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

        var endpoints = Endpoints(own.ToString());

        Assert.Equal(own, endpoints.AdvertisedIPAddress);
        Assert.Equal(new IPEndPoint(own, 11111), endpoints.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(own, 30000), endpoints.GatewayListeningEndpoint);
    }

    [Fact]
    public void A_loopback_address_keeps_the_ports_on_loopback()
    {
        var endpoints = Endpoints("127.0.0.1");

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 11111), endpoints.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 30000), endpoints.GatewayListeningEndpoint);
    }

    [Fact]
    public void An_address_this_machine_does_not_have_is_advertised_and_every_interface_listened_on()
    {
        // 203.0.113.0/24 is for documentation: no machine has it, as none has its NAT's public address.
        var endpoints = Endpoints("203.0.113.7");

        Assert.Equal(IPAddress.Parse("203.0.113.7"), endpoints.AdvertisedIPAddress);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 11111), endpoints.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 30000), endpoints.GatewayListeningEndpoint);
        Assert.False(SiloAddresses.IsOwn(IPAddress.Parse("203.0.113.7")));
    }

    private static EndpointOptions Endpoints(string advertised)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["POSTGRES_CONNECTION"] = "Host=db;Username=shop;Password=x;Database=shop",
            ["SILO_ADVERTISED_IP"] = advertised,
        }).Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo.AddShopSilo(config));
        return builder.Build().Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
    }
}
