using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Shop.Api.Features.Auth;

/// <summary>
/// Checks a token's signature and claims once, then remembers the answer until the token expires: a
/// shopper sends the same token with every call, and the check was ~7 % of a cart read's CPU. Only
/// what the token itself proves is remembered; whether it is still the account's current token, and
/// the account's role, are checked on every request after this (AuthenticationSetup's
/// CheckTokenIsCurrent), so a password change or a new role applies as before.
/// </summary>
public sealed class RememberingTokenHandler : JsonWebTokenHandler
{
    // Bounded: a flood of distinct tokens evicts entries instead of growing the node's memory.
    private readonly MemoryCache _valid = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_valid.TryGetValue(token, out TokenValidationResult? remembered))
        {
            return Copy(remembered!);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt && jwt.ValidTo > DateTime.UtcNow)
        {
            _valid.Set(token, Copy(result), new MemoryCacheEntryOptions
            {
                AbsoluteExpiration = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero),
                Size = 1,
            });
        }

        return result;
    }

    /// <summary>Each request gets identities of its own: the role check replaces claims in them.</summary>
    private static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        SecurityToken = result.SecurityToken,
        TokenType = result.TokenType,
        Issuer = result.Issuer,
    };
}
