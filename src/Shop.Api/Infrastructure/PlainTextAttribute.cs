using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Shop.Api.Infrastructure;

/// <summary>
/// Text people will read (names, addresses, product texts): no control characters, which would
/// end up in pages, emails and SMS, and no invisible format characters (Unicode category Cf: bidi
/// overrides that make a name read backwards, zero-width characters that make two names look the
/// same). Line breaks and tabs are allowed where text may run over several lines (<see cref="Multiline"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PlainTextAttribute() : ValidationAttribute("This text contains control or invisible formatting characters.")
{
    public bool Multiline { get; init; }

    public override bool IsValid(object? value) => value is not string text || !text.Any(Refused);

    private bool Refused(char c) =>
        (char.IsControl(c) && !(Multiline && c is '\n' or '\r' or '\t'))
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
