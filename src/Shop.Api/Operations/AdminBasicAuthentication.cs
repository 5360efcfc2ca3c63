using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Shop.Api.Features.Auth;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;
using Shop.Grains.Users;

namespace Shop.Api.Operations;

/// <summary>
/// HTTP Basic sign-in with a shop admin's email and password, for pages a browser opens directly
/// (the Orleans dashboard), where a bearer token cannot be sent. Checked by the same
/// <see cref="Features.Auth.SignInGuard"/> as the login endpoint (per account and client address).
/// </summary>
internal sealed class AdminBasicAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IGrainFactory grains, SignInGuard guard, IMemoryCache cache, BasicAuthThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminBasic";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return AuthenticateResult.NoResult();
        }

        // The dashboard polls every second: a header checked a moment ago is not bcrypt-checked again,
        // as long as the account's token version (moved on by a password change) is the same.
        var cacheKey = "basic:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header.Parameter)));
        if (cache.TryGetValue(cacheKey, out Verified? verified)
            && await grains.Get<IUserGrain>(verified!.UserId).GetAuthStamp() is { } current && current.TokenVersion == verified.TokenVersion)
        {
            return Success(verified.UserId, current.Role);
        }

        // Checks that do reach bcrypt are limited per client address, like the login endpoint.
        using var lease = throttle.Limiter.AttemptAcquire(RateLimits.AddressKey(Context));
        if (!lease.IsAcquired)
        {
            return AuthenticateResult.Fail("Too many attempts.");
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("Malformed Basic credentials.");
        }

        if (parts.Length != 2)
        {
            return AuthenticateResult.Fail("Malformed Basic credentials.");
        }

        var check = await guard.Check(parts[0], parts[1], RateLimits.AddressKey(Context), Context.RequestAborted);
        if (check.Wait is not null)
        {
            return AuthenticateResult.Fail("Too many failed attempts.");
        }

        if (!check.Succeeded)
        {
            return AuthenticateResult.Fail("Wrong email or password.");
        }

        var userId = check.Credentials!.UserId;
        var stamp = await check.User!.GetAuthStamp();
        cache.Set(cacheKey, new Verified(userId, stamp!.TokenVersion), TimeSpan.FromMinutes(1));
        return Success(userId, stamp.Role);
    }

    private static AuthenticateResult Success(string userId, string role)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimsPrincipalExtensions.UserIdClaim, userId), new Claim(ClaimsPrincipalExtensions.RoleClaim, role)],
            SchemeName, ClaimsPrincipalExtensions.UserIdClaim, ClaimsPrincipalExtensions.RoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private sealed record Verified(string UserId, int TokenVersion);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"Shop operations\", charset=\"UTF-8\"";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}

/// <summary>Per-address limit on Basic sign-ins that reach the password check (AUTH_RATE_LIMIT_PER_MINUTE).</summary>
internal sealed class BasicAuthThrottle(IOptions<RateLimitOptions> limits) : IDisposable
{
    public PartitionedRateLimiter<string> Limiter { get; } = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.Value.AuthPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public void Dispose() => Limiter.Dispose();
}
