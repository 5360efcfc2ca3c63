using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Grains.Common;

namespace Shop.Api.Infrastructure;

/// <summary>RFC 7807 answers for the shop's domain failures.</summary>
public static class Problems
{
    public static ProblemHttpResult From(ShopError error)
    {
        var status = error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.PaymentDeclined => StatusCodes.Status402PaymentRequired,
            ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status400BadRequest,
        };
        return error.Errors is { Count: > 0 } errors
            ? TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = status, Detail = error.Detail, Title = TitleOf(status) })
            : TypedResults.Problem(error.Detail, statusCode: status, title: TitleOf(status));
    }

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: 404, title: TitleOf(404));

    public static ProblemHttpResult Invalid(string field, string message) => From(ShopError.Invalid(field, message));

    public static ProblemHttpResult Invalid(Dictionary<string, string[]> errors) =>
        From(new ShopError(ErrorKind.Validation, "One or more values are not valid.", errors));

    public static ProblemHttpResult Unauthorized(string detail) => TypedResults.Problem(detail, statusCode: 401, title: TitleOf(401));

    public static ProblemHttpResult TooManyRequests(HttpContext http, TimeSpan retryAfter, string detail)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail, statusCode: 429, title: TitleOf(429));
    }

    /// <summary>A type URI for the statuses ASP.NET Core leaves without one.</summary>
    public static string TypeOf(int status) => status switch
    {
        402 => "https://tools.ietf.org/html/rfc9110#section-15.5.3",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        _ => "about:blank",
    };

    /// <summary>What to tell the client when the framework answered without saying why.</summary>
    public static string? DefaultDetail(int status) => status switch
    {
        401 => "Sign in first: the token is missing, invalid, expired or no longer valid.",
        403 => "Your account is not allowed to do this.",
        404 => "Nothing exists at this address.",
        405 => "This address does not accept that HTTP method.",
        _ => null,
    };

    public static string TitleOf(int status) => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
