using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace Shop.Api.Infrastructure;

/// <summary>A deliverable-looking address: one @, a dotted domain, no display name.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ValidEmailAttribute() : ValidationAttribute("Enter a valid email address.")
{
    public override bool IsValid(object? value) =>
        value is null || (value is string text
            && MailAddress.TryCreate(text.Trim(), out var address)
            && address.Address == text.Trim()
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.'));
}
