using System.Data.Common;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Shop.Grains.Common;

namespace Shop.Api.Infrastructure;

/// <summary>
/// Turns exceptions into problem details: a client's malformed request is a 4xx with a plain
/// explanation, an unreachable cluster or database a 503, anything else a 500 without internals.
/// </summary>
internal sealed class ShopExceptionHandler(IProblemDetailsService problems, ILogger<ShopExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is ServerBusyException busy)
        {
            return await WriteBusy(http, busy);
        }

        var (status, detail) = Classify(exception);
        var field = exception is BadHttpRequestException bad ? FieldOf(bad) : null;
        if (status >= 500)
        {
            logger.LogError(exception, "Request {Method} {Path} failed with {Status}", http.Request.Method, http.Request.Path, status);
        }
        else
        {
            logger.LogDebug("Rejected a malformed request to {Path}: {Detail}", http.Request.Path, detail);
        }

        http.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = "5";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            // Like a validation failure, a value of the wrong type names its field in `errors`.
            ProblemDetails = field is null
                ? new ProblemDetails { Status = status, Title = Problems.TitleOf(status), Detail = detail }
                : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = ["This value has the wrong type or format."] })
                {
                    Status = status, Title = Problems.TitleOf(status), Detail = detail,
                },
        });
    }

    private async ValueTask<bool> WriteBusy(HttpContext http, ServerBusyException busy)
    {
        logger.LogWarning("Refused {Method} {Path}: {Reason}", http.Request.Method, http.Request.Path, busy.Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new ProblemDetails { Status = 503, Title = Problems.TitleOf(503), Detail = busy.Message };
        problem.Extensions[Problems.CodeKey] = ErrorCodes.Busy;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    /// <summary>The JSON field ("shippingAddress.phone") or query / route value ("pageSize") at fault, when known.</summary>
    private static string? FieldOf(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException { Path: ['$', '.', .. var field] } when field.Length > 0 => field,
        _ when BindFailure.Match(bad.Message) is { Success: true } match => match.Groups["name"].Value,
        _ => null,
    };

    // ASP.NET Core's message: Failed to bind parameter "int pageSize" from "abc".
    private static readonly Regex BindFailure = new(@"^Failed to bind parameter ""(?:[^""]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)"" from", RegexOptions.CultureInvariant);

    private static (int Status, string Detail) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException bad => (bad.StatusCode, DescribeBadRequest(bad)),
        _ when IsUnavailable(exception) => (503, "The shop cannot reach its data right now. Please try again in a moment."),
        _ => (500, "An unexpected error occurred. It has been logged."),
    };

    private static string DescribeBadRequest(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException { Path: { Length: > 0 } path } => $"The request body is not valid JSON, or the value at '{path}' has the wrong type or format.",
        JsonException => "The request body is not valid JSON.",
        _ when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        _ when bad.StatusCode == StatusCodes.Status415UnsupportedMediaType => "Send the request body as application/json.",
        _ when bad.Message.Contains("was not provided", StringComparison.Ordinal) => "A JSON request body is required.",
        _ when bad.Message.Contains("Failed to bind parameter", StringComparison.Ordinal) => "A query or route value has the wrong format.",
        _ => "The request is malformed.",
    };

    /// <summary>Failures of the cluster or the database rather than of the request.</summary>
    private static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OrleansException or TimeoutException or DbException or SocketException or IOException
                || e.GetType().Namespace?.StartsWith("MongoDB", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }
}
