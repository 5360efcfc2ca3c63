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

    /// <summary>The caller's copy is out of date (an If-Match that no longer matches).</summary>
    PreconditionFailed,
}

/// <summary>
/// A domain failure: returned, not thrown, so callers handle it as an ordinary outcome.
/// <see cref="Code"/> (one of <see cref="ErrorCodes"/>) and <see cref="Params"/> are what clients
/// translate; <see cref="Detail"/> is an English fallback for people reading logs or raw answers.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.contract.ShopError")]
public sealed record ShopError(
    [property: Id(0)] ErrorKind Kind,
    [property: Id(1)] string Detail,
    [property: Id(2)] Dictionary<string, string[]>? Errors = null,
    [property: Id(3)] string Code = ErrorCodes.Invalid,
    [property: Id(4)] IReadOnlyDictionary<string, object>? Params = null)
{
    public static ShopError NotFound(string code, string detail) => new(ErrorKind.NotFound, detail, Code: code);

    public static ShopError Conflict(string code, string detail, IReadOnlyDictionary<string, object>? parameters = null,
        Dictionary<string, string[]>? errors = null) =>
        new(ErrorKind.Conflict, detail, errors, code, parameters);

    public static ShopError Invalid(string field, string code, string message, IReadOnlyDictionary<string, object>? parameters = null) =>
        new(ErrorKind.Validation, message, new() { [field] = [message] }, code, parameters);
}
