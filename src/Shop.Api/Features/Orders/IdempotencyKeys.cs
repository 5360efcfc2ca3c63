using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;

namespace Shop.Api.Features.Orders;

public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 100;

    /// <summary>The request's key (null when absent), or a problem when it is malformed.</summary>
    public static (string? Key, ProblemHttpResult? Problem) Read(HttpContext http)
    {
        if (!http.Request.Headers.TryGetValue(Header, out var values))
        {
            return (null, null);
        }

        var key = values.ToString();
        return values.Count == 1 && key.Length is >= 1 and <= MaxLength
            ? (key, null)
            : (null, Problems.Invalid(Header, $"{Header} must be one value of 1 to {MaxLength} characters.", ErrorCodes.IdempotencyKeyInvalid));
    }
}
