using System.ComponentModel.DataAnnotations;
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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TokenLifetime.Value > TimeSpan.FromDays(365))
        {
            yield return new ValidationResult("JWT_EXPIRES_IN must be at most 365d.", [nameof(TokenLifetime)]);
        }
    }
}
