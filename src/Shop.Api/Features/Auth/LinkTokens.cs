using System.Security.Cryptography;
using System.Text;
using Shop.Api.Infrastructure;

namespace Shop.Api.Features.Auth;

/// <summary>
/// The tokens of mailed links (password reset, email verification): "{userId}.{secret}", where only a
/// hash of the 256-bit secret is stored, so a database reader cannot use a link.
/// </summary>
public static class LinkTokens
{
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The user id and the secret's hash; null for anything that is not a token this shop made.</summary>
    public static (string UserId, string SecretHash)? Parse(string token) =>
        token.Split('.') is [var userId, var secret] && Ids.IsWellFormed(userId) && secret.Length > 0 ? (userId, Hash(secret)) : null;
}
