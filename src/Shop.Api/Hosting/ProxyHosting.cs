using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Shop.Api.Hosting;

/// <summary>
/// Behind nginx the client's address arrives in X-Forwarded-For. It is believed only from the
/// proxies in TRUSTED_PROXIES (IPs or CIDR ranges, comma-separated; loopback by default), so rate
/// limits and logs see real clients and nobody else can claim another address.
/// </summary>
public static class ProxyHosting
{
    public static WebApplicationBuilder AddShopForwardedHeaders(this WebApplicationBuilder builder)
    {
        var trusted = (builder.Configuration["TRUSTED_PROXIES"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var entry in trusted)
            {
                if (System.Net.IPNetwork.TryParse(entry, out var network))
                {
                    options.KnownIPNetworks.Add(network);
                }
                else if (IPAddress.TryParse(entry, out var address))
                {
                    options.KnownProxies.Add(address);
                }
                else
                {
                    throw new InvalidOperationException($"TRUSTED_PROXIES has '{entry}', which is neither an IP address nor a CIDR range.");
                }
            }
        });
        return builder;
    }
}
