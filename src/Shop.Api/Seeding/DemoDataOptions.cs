using System.ComponentModel.DataAnnotations;

namespace Shop.Api.Seeding;

/// <summary>SEED_DEMO_DATA: seed the demo catalog into an empty shop. Unset: only an embedded shop on memory storage does.</summary>
public sealed class DemoDataOptions : IValidatableObject
{
    // Text, for the yes / 1 that earlier releases took as well as true.
    [ConfigurationKeyName("SEED_DEMO_DATA")]
    public string? Value { get; set; }

    public bool? Seed => Value?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => null,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Value is not null && Seed is null)
        {
            yield return new ValidationResult($"SEED_DEMO_DATA must be true or false; got '{Value}'.", [nameof(Value)]);
        }
    }
}
