using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.Api.Features.Users;
using Shop.Api.Infrastructure;
using Shop.Grains.Users;

namespace Shop.Api.Features.Auth;

public sealed record AuthResponse(string Token, DateTimeOffset ExpiresAt, UserResponse User);

/// <summary>
/// Issues HS256 JWTs carrying the user's token version, checked on every request. Tokens are signed
/// with JWT_SECRET only; while JWT_SECRET_PREVIOUS is set, tokens signed with it are accepted too, so
/// a key rotation signs no one out (they get tokens of the new key at their next sign-in).
/// </summary>
public sealed class TokenService(AuthSettings settings, TimeProvider clock)
{
    public const string Issuer = "shop";
    public const string Audience = "shop";

    private readonly JsonWebTokenHandler _handler = new();

    public SymmetricSecurityKey SigningKey { get; } = new(settings.SigningKey);

    /// <summary>The keys a token may be signed with: JWT_SECRET's, then JWT_SECRET_PREVIOUS's when set.</summary>
    public IReadOnlyList<SecurityKey> ValidationKeys { get; } = settings.PreviousSigningKey is { } previous
        ? [new SymmetricSecurityKey(settings.SigningKey), new SymmetricSecurityKey(previous)]
        : [new SymmetricSecurityKey(settings.SigningKey)];

    public AuthResponse Issue(UserProfile user, int tokenVersion)
    {
        var now = clock.GetUtcNow();
        var expires = now + settings.TokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [ClaimsPrincipalExtensions.UserIdClaim] = user.Id,
                [ClaimsPrincipalExtensions.RoleClaim] = user.Role,
                [ClaimsPrincipalExtensions.TokenVersionClaim] = tokenVersion,
            },
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
        return new AuthResponse(token, expires, UserResponse.From(user));
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKeys = ValidationKeys,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = ClaimsPrincipalExtensions.UserIdClaim,
        RoleClaimType = ClaimsPrincipalExtensions.RoleClaim,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
