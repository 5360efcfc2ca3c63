using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Features.Catalog;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;

namespace Shop.Api.Features.Media;

/// <summary>
/// Placeholder product pictures drawn as SVG from the product's category, brand and name, so the
/// demo catalog has images without shipping any.
/// </summary>
public static class MediaApi
{
    public const int ImagesPerProduct = 3;

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/media/products/{id}/{index:int}.svg", ProductImage).WithTags("Media").ExcludeFromDescription();
        return routes;
    }

    public static string ImageUrl(string productId, int index) => $"/api/media/products/{productId}/{index}.svg";

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> ProductImage(
        string id, int index, CatalogSnapshot catalog, HttpContext http, CancellationToken cancellationToken)
    {
        var entries = await catalog.GetEntries(cancellationToken);
        if (!Ids.IsWellFormed(id) || index is < 0 or >= ImagesPerProduct || !entries.TryGetValue(id, out var entry))
        {
            return Problems.NotFound(ErrorCodes.NotFound, "No such image.");
        }

        http.Response.Headers.CacheControl = "public, max-age=86400";
        var color = (await catalog.GetCategories(cancellationToken)).Find(entry.Category)?.Color ?? "#8c8c8c";
        return TypedResults.Content(Draw(entry.Name, entry.Brand ?? "", color, index), "image/svg+xml; charset=utf-8");
    }

    private static string Draw(string name, string brand, string color, int index)
    {
        // Each view of a product gets its own angle of the same gradient.
        var angle = (index * 60).ToString(CultureInfo.InvariantCulture);
        var title = WebUtility.HtmlEncode(name.Length > 18 ? name[..18] + "…" : name);
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
              <defs>
                <linearGradient id="g" gradientTransform="rotate({angle} .5 .5)">
                  <stop offset="0" stop-color="{color}"/>
                  <stop offset="1" stop-color="{color}" stop-opacity=".55"/>
                </linearGradient>
              </defs>
              <rect width="600" height="600" fill="url(#g)"/>
              <circle cx="300" cy="250" r="120" fill="#fff" fill-opacity=".18"/>
              <text x="300" y="270" font-family="sans-serif" font-size="64" font-weight="700" fill="#fff" text-anchor="middle">{WebUtility.HtmlEncode(brand)}</text>
              <text x="300" y="470" font-family="sans-serif" font-size="30" fill="#fff" text-anchor="middle">{title}</text>
            </svg>
            """;
    }
}
