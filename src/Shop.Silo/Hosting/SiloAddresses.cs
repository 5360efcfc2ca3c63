using System.Net;
using System.Net.NetworkInformation;

namespace Shop.Silo.Hosting;

/// <summary>The addresses a silo can bind its ports to.</summary>
public static class SiloAddresses
{
    /// <summary>
    /// Whether <paramref name="address"/> is this machine's: a loopback address or one of its
    /// interfaces'. Only such an address can be bound; a NAT's or a load balancer's cannot.
    /// </summary>
    public static bool IsOwn(IPAddress address) =>
        IPAddress.IsLoopback(address)
        || NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Any(a => a.Address.Equals(address));
}
