using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Shop.Silo.Configuration;

namespace Shop.Api.Features.Auth;

/// <summary>
/// JWT_SECRET (signs and checks tokens), JWT_SECRET_PREVIOUS (only checks them, while a rotation is
/// under way), JWT_EXPIRES_IN, BCRYPT_SALT_ROUNDS, and how many password hashes run at once
/// (PASSWORD_HASH_CONCURRENCY, default the core count) with how many waiting (PASSWORD_HASH_QUEUE).
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    [ConfigurationKeyName("JWT_SECRET")]
    public string? Secret { get; set; }

    [ConfigurationKeyName("JWT_SECRET_PREVIOUS")]
    public string? PreviousSecret { get; set; }

    [ConfigurationKeyName("JWT_EXPIRES_IN")]
    public Duration TokenLifetime { get; set; } = new(TimeSpan.FromDays(7));

    [ConfigurationKeyName("BCRYPT_SALT_ROUNDS")]
    [Range(4, 20, ErrorMessage = "BCRYPT_SALT_ROUNDS must be between 4 and 20.")]
    public int BcryptRounds { get; set; } = 12;

    [ConfigurationKeyName("PASSWORD_HASH_CONCURRENCY")]
    [Range(1, int.MaxValue, ErrorMessage = "PASSWORD_HASH_CONCURRENCY must be at least 1.")]
    public int HashConcurrency { get; set; } = Environment.ProcessorCount;

    [ConfigurationKeyName("PASSWORD_HASH_QUEUE")]
    [Range(0, int.MaxValue, ErrorMessage = "PASSWORD_HASH_QUEUE must be 0 or more.")]
    public int HashQueue { get; set; } = 16 * Environment.ProcessorCount;

    public const int MinSecretLength = 32;

    /// <summary>
    /// Production's rule: a signing key that survives restarts and cannot be guessed (the previous one,
    /// set during a rotation, still opens sessions, so it is held to the same), and slow enough hashes.
    /// </summary>
    public static readonly IValidateOptions<AuthOptions> ProductionRule = new ShopOptions.Rule<AuthOptions>(ProductionProblems);

    private static IEnumerable<string> ProductionProblems(AuthOptions auth)
    {
        if (auth.Secret is null)
        {
            yield return "JWT_SECRET is not set: tokens would be signed with a random key and die at every restart.";
        }

        foreach (var (name, secret) in new[] { ("JWT_SECRET", auth.Secret), ("JWT_SECRET_PREVIOUS", auth.PreviousSecret) })
        {
            if (secret == ProductionRules.ExampleJwtSecret)
            {
                yield return $"{name} is the example value from .env.example: generate one with `openssl rand -hex 32`.";
            }
            else if (secret is { Length: < MinSecretLength })
            {
                yield return $"{name} has {secret.Length} characters; at least {MinSecretLength} are needed.";
            }
        }

        if (auth.BcryptRounds < 10)
        {
            yield return $"BCRYPT_SALT_ROUNDS is {auth.BcryptRounds}; production needs at least 10 (12 recommended).";
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TokenLifetime.Value > TimeSpan.FromDays(365))
        {
            yield return new ValidationResult("JWT_EXPIRES_IN must be at most 365d.", [nameof(TokenLifetime)]);
        }
    }
}
