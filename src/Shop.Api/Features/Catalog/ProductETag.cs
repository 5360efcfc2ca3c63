using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Shop.Api.Infrastructure;

namespace Shop.Api.Features.Catalog;

/// <summary>
/// A product's revision as its ETag, so an admin's write can say which version it was made from
/// (If-Match) and a stale one is refused with 412 instead of overwriting newer stock.
/// </summary>
public static class ProductETag
{
    public static string Of(long revision) => $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Set(HttpResponse response, long revision) => response.Headers.ETag = Of(revision);

    /// <summary>
    /// The revision named by If-Match: null when the header is absent or "*" (write whatever is
    /// there); a header that is not one of this shop's ETags is the client's mistake (400).
    /// </summary>
    public static (long? Revision, ProblemHttpResult? Bad) ReadIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return (null, null);
        }

        return EntityTagHeaderValue.TryParse(header.Trim(), out var tag)
            && long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? (revision, null)
            : (null, Problems.Invalid("If-Match", "If-Match must be the ETag of the product, as GET /api/products/{id} returned it."));
    }
}
