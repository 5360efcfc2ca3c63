using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Shop.Grains.Common;
using Shop.Silo.Configuration;

namespace Shop.Api.Infrastructure;

/// <summary>A business flow strangers could abuse, put on its endpoints as metadata; <see cref="RateLimits"/> limits it.</summary>
public sealed record FlowLimit(string Name)
{
    public static readonly FlowLimit Checkout = new("checkout");
    public static readonly FlowLimit CartWrites = new("cart");
}

/// <summary>
/// Requests per minute: the auth endpoints per client address (AUTH_RATE_LIMIT_PER_MINUTE), and of
/// each flow per signed-in shopper; a client address, which may hide many shoppers behind one NAT,
/// gets <see cref="AddressFactor"/> times as many.
/// </summary>
public sealed class RateLimitOptions
{
    public const int AddressFactor = 5;

    [ConfigurationKeyName("AUTH_RATE_LIMIT_PER_MINUTE")]
    [Range(1, int.MaxValue, ErrorMessage = "AUTH_RATE_LIMIT_PER_MINUTE must be at least 1.")]
    public int AuthPerMinute { get; set; } = 30;

    [ConfigurationKeyName("ORDER_RATE_LIMIT_PER_MINUTE")]
    [Range(1, int.MaxValue, ErrorMessage = "ORDER_RATE_LIMIT_PER_MINUTE must be at least 1.")]
    public int CheckoutPerUser { get; set; } = 10;

    [ConfigurationKeyName("CART_RATE_LIMIT_PER_MINUTE")]
    [Range(1, int.MaxValue, ErrorMessage = "CART_RATE_LIMIT_PER_MINUTE must be at least 1.")]
    public int CartWritesPerUser { get; set; } = 120;

    public int PerUser(FlowLimit flow) => flow == FlowLimit.Checkout ? CheckoutPerUser : CartWritesPerUser;
}

/// <summary>
/// Every request limit of the shop: the auth endpoints per client address (AUTH_RATE_LIMIT_PER_MINUTE),
/// and the flows strangers could abuse, checkout (ORDER_RATE_LIMIT_PER_MINUTE, default 10) and cart
/// writes (CART_RATE_LIMIT_PER_MINUTE, default 120), per shopper and per address. A refusal is a 429
/// with Retry-After and the code rate_limited, counted in shop_requests_rate_limited_total{limit}.
/// </summary>
public static class RateLimits
{
    public const string Auth = "auth";

    public static WebApplicationBuilder AddShopRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddShopOptions<RateLimitOptions>();
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(Auth, http => RateLimitPartition.GetFixedWindowLimiter(AddressKey(http), _ => PerMinuteWindow(Limits(http).AuthPerMinute)));
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                FlowLimiter((http, flow) => $"{flow.Name}|user|{http.User.FindFirstValue(ClaimsPrincipalExtensions.UserIdClaim)}", 1),
                FlowLimiter((http, flow) => $"{flow.Name}|address|{AddressKey(http)}", RateLimitOptions.AddressFactor));
            options.OnRejected = async (context, _) =>
            {
                var http = context.HttpContext;
                ShopMetrics.RequestsRateLimited.Add(1, new KeyValuePair<string, object?>("limit", http.GetEndpoint()?.Metadata.GetMetadata<FlowLimit>()?.Name ?? Auth));
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                await Problems.TooManyRequests(http, retryAfter, "Too many attempts. Please wait and try again.").ExecuteAsync(http);
            };
        });
        return builder;
    }

    /// <summary>Limits the requests of endpoints marked with a <see cref="FlowLimit"/>, partitioned by <paramref name="key"/>; others pass.</summary>
    private static PartitionedRateLimiter<HttpContext> FlowLimiter(Func<HttpContext, FlowLimit, string> key, int factor) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<FlowLimit>() is not { } flow)
            {
                return RateLimitPartition.GetNoLimiter("");
            }

            var permits = Limits(http).PerUser(flow) * factor;
            return RateLimitPartition.GetFixedWindowLimiter(key(http, flow), _ => PerMinuteWindow(permits));
        });

    private static RateLimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    /// <summary>
    /// The client's address as a limit key. IPv6 clients are grouped by /64: one subscriber usually
    /// holds a whole /64 and could otherwise take a fresh address for every request.
    /// </summary>
    public static string AddressKey(HttpContext http) => AddressKey(http.Connection.RemoteIpAddress);

    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static FixedWindowRateLimiterOptions PerMinuteWindow(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
