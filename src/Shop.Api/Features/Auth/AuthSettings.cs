using System.Security.Cryptography;
using System.Text;

namespace Shop.Api.Features.Auth;

/// <summary>What signing and hashing use, made once from <see cref="AuthOptions"/>: the secrets as keys.</summary>
public sealed record AuthSettings(
    byte[] SigningKey,
    bool SecretGenerated,
    TimeSpan TokenLifetime,
    int BcryptRounds,
    int HashConcurrency,
    int HashQueue,
    byte[]? PreviousSigningKey = null)
{
    public static AuthSettings From(AuthOptions options)
    {
        var generated = string.IsNullOrWhiteSpace(options.Secret);
        var key = generated ? RandomNumberGenerator.GetBytes(32) : KeyOf(options.Secret!);
        var previous = string.IsNullOrWhiteSpace(options.PreviousSecret) ? null : KeyOf(options.PreviousSecret);
        return new AuthSettings(key, generated, options.TokenLifetime, options.BcryptRounds, options.HashConcurrency, options.HashQueue, previous);
    }

    private static byte[] KeyOf(string secret)
    {
        var key = Encoding.UTF8.GetBytes(secret);

        // HS256 needs a 256-bit key; a shorter secret is stretched rather than refused outside production.
        return key.Length < 32 ? SHA256.HashData(key) : key;
    }
}
