using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Shop.Grains.Common;

namespace Shop.Api.Infrastructure;

/// <summary>
/// RFC 7807 answers for the shop's failures. Each carries a stable <c>code</c> (see
/// <see cref="ErrorCodes"/>) and, where useful, <c>params</c>, which clients translate; <c>detail</c>
/// stays an English fallback.
/// </summary>
public static class Problems
{
    public const string CodeKey = "code";
    public const string ParamsKey = "params";

    public static ProblemHttpResult From(ShopError error)
    {
        var status = error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.PaymentDeclined => StatusCodes.Status402PaymentRequired,
            ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            _ => StatusCodes.Status400BadRequest,
        };
        var problem = error.Errors is { Count: > 0 } errors
            ? new HttpValidationProblemDetails(errors)
            : new Microsoft.AspNetCore.Mvc.ProblemDetails();
        problem.Status = status;
        problem.Detail = error.Detail;
        problem.Title = TitleOf(status);
        problem.Extensions[CodeKey] = error.Code;
        if (error.Params is { Count: > 0 } parameters)
        {
            problem.Extensions[ParamsKey] = parameters;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>The value as 200 OK (mapped to its response record), or the failure as problem details.</summary>
    public static Results<Ok<TResponse>, ProblemHttpResult> ToHttpResult<T, TResponse>(this Outcome<T> outcome, Func<T, TResponse> toResponse) =>
        outcome.Value is { } value ? TypedResults.Ok(toResponse(value)) : From(outcome.Error!);

    /// <summary>The value as 200 OK when mapping it needs a call (e.g. pricing a cart), or the failure.</summary>
    public static async Task<Results<Ok<TResponse>, ProblemHttpResult>> ToHttpResultAsync<T, TResponse>(
        this Outcome<T> outcome, Func<T, Task<TResponse>> toResponse) =>
        outcome.Value is { } value ? TypedResults.Ok(await toResponse(value)) : From(outcome.Error!);

    /// <summary>The value as 201 Created at its location (mapped to its response record), or the failure.</summary>
    public static Results<Created<TResponse>, ProblemHttpResult> ToCreatedResult<T, TResponse>(
        this Outcome<T> outcome, Func<T, string> location, Func<T, TResponse> toResponse) =>
        outcome.Value is { } value ? TypedResults.Created(location(value), toResponse(value)) : From(outcome.Error!);

    public static ProblemHttpResult NotFound(string code, string detail) => From(ShopError.NotFound(code, detail));

    public static ProblemHttpResult Invalid(string field, string message, string code = ErrorCodes.Invalid) =>
        From(ShopError.Invalid(field, code, message));

    public static ProblemHttpResult Invalid(Dictionary<string, string[]> errors) =>
        From(new ShopError(ErrorKind.Validation, "One or more values are not valid.", errors));

    public static ProblemHttpResult Unauthorized(string code, string detail) => Problem(401, code, detail);

    public static ProblemHttpResult TooManyRequests(HttpContext http, TimeSpan retryAfter, string detail)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return From(new ShopError(ErrorKind.TooManyRequests, detail, Code: ErrorCodes.RateLimited));
    }

    public static ProblemHttpResult Problem(int status, string code, string detail) => TypedResults.Problem(
        detail, statusCode: status, title: TitleOf(status), extensions: new Dictionary<string, object?> { [CodeKey] = code });

    /// <summary>The code of an answer the framework made (validation, authentication, routing, errors), by status.</summary>
    public static string CodeOf(int status) => status switch
    {
        400 => ErrorCodes.Invalid,
        401 => ErrorCodes.AuthRequired,
        403 => ErrorCodes.Forbidden,
        404 => ErrorCodes.NotFound,
        405 => ErrorCodes.MethodNotAllowed,
        413 => ErrorCodes.TooLarge,
        415 => ErrorCodes.UnsupportedMediaType,
        429 => ErrorCodes.RateLimited,
        503 => ErrorCodes.Unavailable,
        _ => status >= 500 ? ErrorCodes.ServerError : ErrorCodes.Invalid,
    };

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
