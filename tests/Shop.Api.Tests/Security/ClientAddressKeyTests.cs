using System.Net;
using Shop.Api.Infrastructure;

namespace Shop.Api.Tests.Security;

/// <summary>Rate limits key clients by address; an IPv6 subscriber's whole /64 counts as one client.</summary>
public sealed class ClientAddressKeyTests
{
    [Fact]
    public void Addresses_of_one_ipv6_64_share_a_key_and_other_networks_do_not()
    {
        var a = RateLimits.AddressKey(IPAddress.Parse("2001:db8:1:2:aaaa::1"));
        var b = RateLimits.AddressKey(IPAddress.Parse("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        var other = RateLimits.AddressKey(IPAddress.Parse("2001:db8:1:3::1"));

        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
    }

    [Fact]
    public void Ipv4_and_ipv4_mapped_addresses_are_keyed_by_the_ipv4_address()
    {
        Assert.Equal("203.0.113.7", RateLimits.AddressKey(IPAddress.Parse("203.0.113.7")));
        Assert.Equal("203.0.113.7", RateLimits.AddressKey(IPAddress.Parse("::ffff:203.0.113.7")));
        Assert.NotEqual(RateLimits.AddressKey(IPAddress.Parse("203.0.113.7")), RateLimits.AddressKey(IPAddress.Parse("203.0.113.8")));
        Assert.Equal("unknown", RateLimits.AddressKey((IPAddress?)null));
    }
}
