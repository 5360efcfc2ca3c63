using System.ComponentModel.DataAnnotations;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;

namespace Shop.Api.Features.Users;

/// <summary>A postal address as shoppers enter it; shared by the profile and checkout.</summary>
public sealed record AddressRequest(
    [property: Required, MaxLength(50), PlainText] string Name,
    [property: Required, RegularExpression(@"^\+?[0-9][0-9 \-]{4,19}$", ErrorMessage = "Enter a phone number of 5 to 20 digits.")] string Phone,
    [property: Required, MaxLength(200), PlainText] string Line1,
    [property: Required, MaxLength(50), PlainText] string City,
    [property: MaxLength(50), PlainText] string? Province = null,
    [property: MaxLength(20), PlainText] string? PostalCode = null)
{
    public Address ToAddress() => new(Name.Trim(), Phone.Trim(), Line1.Trim(), City.Trim(),
        string.IsNullOrWhiteSpace(Province) ? null : Province.Trim(),
        string.IsNullOrWhiteSpace(PostalCode) ? null : PostalCode.Trim());
}
