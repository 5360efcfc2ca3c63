namespace Shop.Grains.Common;

/// <summary>The kinds of domain failure a grain reports; the API maps each to an HTTP status.</summary>
[GenerateSerializer, Alias("shop.ErrorKind")]
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    PaymentDeclined,
    TooManyRequests,
}

/// <summary>A domain failure: returned, not thrown, so callers handle it as an ordinary outcome.</summary>
[GenerateSerializer, Alias("shop.ShopError")]
public sealed record ShopError(
    [property: Id(0)] ErrorKind Kind,
    [property: Id(1)] string Detail,
    [property: Id(2)] Dictionary<string, string[]>? Errors = null)
{
    public static ShopError NotFound(string detail) => new(ErrorKind.NotFound, detail);

    public static ShopError Conflict(string detail, Dictionary<string, string[]>? errors = null) =>
        new(ErrorKind.Conflict, detail, errors);

    public static ShopError Invalid(string field, string message) =>
        new(ErrorKind.Validation, message, new() { [field] = [message] });
}
