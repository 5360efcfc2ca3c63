using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.Api.Features.Auth;

namespace Shop.Api.Tests.Auth;

/// <summary>
/// The API node remembers a token's checked signature and claims until it expires. What it remembers
/// must not leak between requests, outlive the token, or admit a token that never passed the check.
/// (That a remembered token is still refused once retired, or carries a changed role, is covered by
/// AuthTests: those checks run on every request after this handler.)
/// </summary>
public sealed class RememberingTokenHandlerTests
{
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("a-signing-key-of-the-remembering-handler-tests-0123"));

    private static readonly TokenValidationParameters Parameters = new()
    {
        ValidIssuer = "shop",
        ValidAudience = "shop",
        IssuerSigningKey = Key,
        ClockSkew = TimeSpan.Zero,
    };

    [Fact]
    public async Task Each_validation_of_a_remembered_token_gets_an_identity_of_its_own()
    {
        var handler = new RememberingTokenHandler { MapInboundClaims = false };
        var token = Token(TimeSpan.FromMinutes(5));

        var first = await handler.ValidateTokenAsync(token, Parameters);
        first.ClaimsIdentity.RemoveClaim(first.ClaimsIdentity.FindFirst("role"));
        var second = await handler.ValidateTokenAsync(token, Parameters);

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Same(first.SecurityToken, second.SecurityToken);   // the second answer came from memory, not a new parse
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal("customer", second.ClaimsIdentity.FindFirst("role")?.Value);
        Assert.Equal("u-1", second.ClaimsIdentity.FindFirst("sub")?.Value);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        var handler = new RememberingTokenHandler { MapInboundClaims = false };
        // `exp` is in whole seconds (rounded down): three seconds leave at least two for the first check.
        var token = Token(TimeSpan.FromSeconds(3));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);

        await Task.Delay(TimeSpan.FromSeconds(3.5));

        var late = await handler.ValidateTokenAsync(token, Parameters);
        Assert.False(late.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(late.Exception);
    }

    [Fact]
    public async Task A_token_with_a_forged_signature_is_refused_every_time()
    {
        var handler = new RememberingTokenHandler { MapInboundClaims = false };
        var genuine = Token(TimeSpan.FromMinutes(5));
        var forged = Token(TimeSpan.FromMinutes(5), new SymmetricSecurityKey(Encoding.UTF8.GetBytes("not-the-shop-key-but-long-enough-for-hs256-0123456")));
        Assert.True((await handler.ValidateTokenAsync(genuine, Parameters)).IsValid);

        Assert.False((await handler.ValidateTokenAsync(forged, Parameters)).IsValid);
        Assert.False((await handler.ValidateTokenAsync(forged, Parameters)).IsValid);
    }

    private static string Token(TimeSpan lifetime, SecurityKey? key = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "shop",
            Audience = "shop",
            NotBefore = now.AddSeconds(-1),
            IssuedAt = now.AddSeconds(-1),
            Expires = now + lifetime,
            Subject = new ClaimsIdentity([new Claim("sub", "u-1"), new Claim("role", "customer")]),
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
