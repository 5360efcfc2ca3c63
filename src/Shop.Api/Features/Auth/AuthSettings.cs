using System.Security.Cryptography;
using System.Text;
using Shop.Silo.Configuration;

namespace Shop.Api.Features.Auth;

/// <summary>
/// JWT_SECRET (signs and checks tokens), JWT_SECRET_PREVIOUS (only checks them, while a rotation is
/// under way), JWT_EXPIRES_IN, BCRYPT_SALT_ROUNDS, the auth rate limit, and how many password hashes
/// run at once (PASSWORD_HASH_CONCURRENCY, default the core count) with how many waiting (PASSWORD_HASH_QUEUE).
/// </summary>
public sealed record AuthSettings(
    byte[] SigningKey,
    bool SecretGenerated,
    TimeSpan TokenLifetime,
    int BcryptRounds,
    int AuthRequestsPerMinute,
    int HashConcurrency,
    int HashQueue,
    byte[]? PreviousSigningKey = null)
{
    public static AuthSettings From(IConfiguration config)
    {
        var secret = config["JWT_SECRET"];
        var generated = string.IsNullOrWhiteSpace(secret);
        var key = generated ? RandomNumberGenerator.GetBytes(32) : KeyOf(secret!);
        var previous = config["JWT_SECRET_PREVIOUS"] is { } old && !string.IsNullOrWhiteSpace(old) ? KeyOf(old) : null;

        var lifetime = Durations.Parse(config["JWT_EXPIRES_IN"] is { Length: > 0 } e ? e : "7d", "JWT_EXPIRES_IN");
        if (lifetime > TimeSpan.FromDays(365))
        {
            throw new InvalidOperationException("JWT_EXPIRES_IN must be at most 365d.");
        }

        var rounds = WholeNumbers.Read(config, "BCRYPT_SALT_ROUNDS", 12);
        if (rounds is < 4 or > 20)
        {
            throw new InvalidOperationException($"BCRYPT_SALT_ROUNDS must be between 4 and 20; got {rounds}.");
        }

        var concurrency = WholeNumbers.Read(config, "PASSWORD_HASH_CONCURRENCY", Environment.ProcessorCount, min: 1);
        var queue = WholeNumbers.Read(config, "PASSWORD_HASH_QUEUE", 16 * Environment.ProcessorCount, min: 0);
        return new AuthSettings(key, generated, lifetime, rounds, WholeNumbers.Read(config, "AUTH_RATE_LIMIT_PER_MINUTE", 30), concurrency, queue, previous);
    }

    private static byte[] KeyOf(string secret)
    {
        var key = Encoding.UTF8.GetBytes(secret);

        // HS256 needs a 256-bit key; a shorter secret is stretched rather than refused outside production.
        return key.Length < 32 ? SHA256.HashData(key) : key;
    }
}
