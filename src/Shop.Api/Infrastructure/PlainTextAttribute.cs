using System.ComponentModel.DataAnnotations;

namespace Shop.Api.Infrastructure;

/// <summary>
/// Text people will read (names, addresses, product texts): no control characters, which would
/// end up in pages, emails and SMS. Line breaks and tabs are allowed where text may run over
/// several lines (<see cref="Multiline"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PlainTextAttribute() : ValidationAttribute("This text contains control characters.")
{
    public bool Multiline { get; init; }

    public override bool IsValid(object? value) =>
        value is not string text || !text.Any(c => char.IsControl(c) && !(Multiline && c is '\n' or '\r' or '\t'));
}
