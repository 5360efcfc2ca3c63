using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Shop.Api.Features.Auth;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;
using Shop.Grains.Users;

namespace Shop.Api.Operations;

/// <summary>
/// HTTP Basic sign-in with a shop admin's email and password, for pages a browser opens directly
/// (the Orleans dashboard), where a bearer token cannot be sent. Failed attempts count towards the
/// same per-email lockout as the login endpoint.
/// </summary>
internal sealed class AdminBasicAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IGrainFactory grains, PasswordHasher hasher) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminBasic";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return AuthenticateResult.NoResult();
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

        var emailGrain = grains.GetGrain<IUserEmailGrain>(ShopIds.NormalizeEmail(parts[0]));
        if (await emailGrain.GetLoginLockout() is not null)
        {
            return AuthenticateResult.Fail("Too many failed attempts.");
        }

        var userId = await emailGrain.GetUserId();
        var user = userId is null ? null : grains.GetGrain<IUserGrain>(userId);
        var credentials = user is null ? null : await user.GetCredentials();
        if (!hasher.Verify(parts[1], credentials?.PasswordHash))
        {
            await emailGrain.RecordLoginFailure();
            return AuthenticateResult.Fail("Wrong email or password.");
        }

        var stamp = await user!.GetAuthStamp();
        var identity = new ClaimsIdentity(
            [new Claim(ClaimsPrincipalExtensions.UserIdClaim, userId!), new Claim(ClaimsPrincipalExtensions.RoleClaim, stamp!.Role)],
            SchemeName, ClaimsPrincipalExtensions.UserIdClaim, ClaimsPrincipalExtensions.RoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"Shop operations\", charset=\"UTF-8\"";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}
