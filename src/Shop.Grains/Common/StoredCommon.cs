namespace Shop.Grains.Common;

// Stored types are apart from the contracts, so a change to what grains answer (or to the API's
// JSON) never changes what is stored. Each keeps the [Alias] and [Id]s its data was first stored
// under: tests/Shop.Grains.Tests/Storage reads the bytes of earlier releases to prove it.

[GenerateSerializer, Immutable, Alias("shop.Address")]
public sealed record StoredAddress(
    [property: Id(0)] string Name,
    [property: Id(1)] string Phone,
    [property: Id(2)] string Line1,
    [property: Id(3)] string City,
    [property: Id(4)] string? Province = null,
    [property: Id(5)] string? PostalCode = null)
{
    public static StoredAddress From(Address a) => new(a.Name, a.Phone, a.Line1, a.City, a.Province, a.PostalCode);

    public Address ToContract() => new(Name, Phone, Line1, City, Province, PostalCode);
}

[GenerateSerializer, Immutable, Alias("shop.ShopError")]
public sealed record StoredError(
    [property: Id(0)] ErrorKind Kind,
    [property: Id(1)] string Detail,
    [property: Id(2)] Dictionary<string, string[]>? Errors = null,
    [property: Id(3)] string? Code = null,
    [property: Id(4)] IReadOnlyDictionary<string, object>? Params = null)
{
    public static StoredError From(ShopError e) => new(e.Kind, e.Detail, e.Errors, e.Code, e.Params);

    /// <summary>Errors stored before codes existed were card refusals; their code follows from the kind.</summary>
    public ShopError ToContract() => new(Kind, Detail, Errors,
        Code ?? (Kind == ErrorKind.PaymentDeclined ? ErrorCodes.PaymentDeclined : ErrorCodes.CardInvalid), Params);
}
