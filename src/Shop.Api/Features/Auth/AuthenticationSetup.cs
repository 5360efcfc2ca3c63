using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Shop.Api.Infrastructure;
using Shop.Grains.Users;
using Shop.Silo.Configuration;

namespace Shop.Api.Features.Auth;

public static class AuthenticationSetup
{
    public const string AdminPolicy = "admin";

    public static WebApplicationBuilder AddShopAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddShopOptions<AuthOptions>();
        builder.Services.AddSingleton(sp => AuthSettings.From(sp.GetRequiredService<IOptions<AuthOptions>>().Value));
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddSingleton<PasswordHasher>();
        builder.Services.AddSingleton<SignInGuard>();
        builder.Services.AddSingleton<AuthStamps>();
        builder.Services.AddSingleton<PasswordResetRequests>();
        builder.Services.AddSingleton<EmailVerification>();
        builder.Services.AddHostedService<PasswordResetIssuer>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenService>((options, tokens) =>
            {
                options.MapInboundClaims = false;
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(new RememberingTokenHandler { MapInboundClaims = false });
                options.TokenValidationParameters = tokens.ValidationParameters();
                options.Events = new JwtBearerEvents { OnTokenValidated = CheckTokenIsCurrent };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));

        builder.AddShopRateLimits();
        return builder;
    }

    /// <summary>
    /// A signature is not enough: the token's version must still be the account's (a password change
    /// retires older tokens), and the role comes from the account, so a changed role applies at once.
    /// </summary>
    private static async Task CheckTokenIsCurrent(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var userId = principal.FindFirstValue(ClaimsPrincipalExtensions.UserIdClaim);
        var version = principal.FindFirstValue(ClaimsPrincipalExtensions.TokenVersionClaim);
        if (!Ids.IsWellFormed(userId))
        {
            context.Fail("The token names no valid user.");
            return;
        }

        var stamp = await context.HttpContext.RequestServices.GetRequiredService<AuthStamps>().Get(userId);
        if (stamp is null || version != stamp.TokenVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            context.Fail("The token was retired.");
            return;
        }

        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var role in identity.FindAll(ClaimsPrincipalExtensions.RoleClaim).ToList())
        {
            identity.RemoveClaim(role);
        }

        identity.AddClaim(new Claim(ClaimsPrincipalExtensions.RoleClaim, stamp.Role));
    }
}
