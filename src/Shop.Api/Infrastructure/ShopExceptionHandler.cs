using System.Data.Common;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Shop.Api.Infrastructure;

/// <summary>
/// Turns exceptions into problem details: a client's malformed request is a 4xx with a plain
/// explanation, an unreachable cluster or database a 503, anything else a 500 without internals.
/// </summary>
internal sealed class ShopExceptionHandler(IProblemDetailsService problems, ILogger<ShopExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = Classify(exception);
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
            ProblemDetails = { Status = status, Title = Problems.TitleOf(status), Detail = detail },
        });
    }

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
