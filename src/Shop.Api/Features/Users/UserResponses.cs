using Shop.Grains.Common;
using Shop.Grains.Users;

namespace Shop.Api.Features.Users;

/// <summary>API.md's `user`, mapped from the grain contract at the edge.</summary>
public sealed record UserResponse(
    string Id, string Email, string Name, string Role, string? Phone, AddressResponse? DefaultAddress, string Language, DateTimeOffset CreatedAt,
    bool EmailVerified)
{
    public static UserResponse From(UserProfile u) =>
        new(u.Id, u.Email, u.Name, u.Role, u.Phone, u.DefaultAddress is { } a ? AddressResponse.From(a) : null, u.Language, u.CreatedAt, u.EmailVerified);
}

public sealed record AddressResponse(string Name, string Phone, string Line1, string City, string? Province, string? PostalCode)
{
    public static AddressResponse From(Address a) => new(a.Name, a.Phone, a.Line1, a.City, a.Province, a.PostalCode);
}
