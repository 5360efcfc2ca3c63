namespace Shop.Grains.Common;

[GenerateSerializer, Immutable, Alias("shop.contract.Address")]
public sealed record Address(
    [property: Id(0)] string Name,
    [property: Id(1)] string Phone,
    [property: Id(2)] string Line1,
    [property: Id(3)] string City,
    [property: Id(4)] string? Province = null,
    [property: Id(5)] string? PostalCode = null);
