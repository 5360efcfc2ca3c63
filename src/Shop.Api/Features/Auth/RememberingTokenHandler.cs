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
/// One instance serves one scheme whose validation parameters (keys, issuer, audience) are fixed when
/// the node starts: a token it remembers is not checked against other parameters.
/// </summary>
internal sealed class RememberingTokenHandler : JsonWebTokenHandler
{
    // Bounded in (estimated) bytes, not entries: a flood of distinct or padded tokens evicts entries
    // instead of growing the node's memory past ~64 MB.
    private const long MemoryLimit = 64L * 1024 * 1024;
    private readonly MemoryCache _valid = new(new MemoryCacheOptions { SizeLimit = MemoryLimit });

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
                Size = EstimatedBytes(token),
            });
        }

        return result;
    }

    // The token's text (UTF-16), its parsed header and payload, and an identity with a few claims.
    private static long EstimatedBytes(string token) => token.Length * 6L + 2048;

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
