using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Features.Auth;
using Shop.Api.Features.Catalog;
using Shop.Api.Features.Media;
using Shop.Api.Infrastructure;
using Shop.Grains.Catalog;
using Shop.Grains.Common;

namespace Shop.Api.Features.Admin;

public static class AdminProductsApi
{
    private const long MaxImportBytes = 32L * 1024 * 1024;

    public static RouteGroupBuilder MapAdminProductsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/products").WithTags("Admin").RequireAuthorization(AuthenticationSetup.AdminPolicy);
        group.MapPost("/", Create);
        group.MapPost("/import", Import).Accepts<string>("text/csv", "application/x-ndjson")
            .WithDescription($"Up to {ProductImport.MaxRows} products as CSV (header: name, description, price, category, brand, stock, images) or JSON lines. Every row is checked before anything is written; ?dryRun=true only checks.");
        group.MapPut("/{id}", Update);
        group.MapDelete("/{id}", Archive);
        group.MapPut("/{id}/stock", SetStock);
        return group;
    }

    public static async Task<Results<Created<ProductResponse>, ProblemHttpResult>> Create(
        ProductRequest request, IGrainFactory grains, CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        if (request.Check(stockRequired: true, await catalog.GetCategories(cancellationToken)) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var id = ShopIds.New();
        var images = Enumerable.Range(0, MediaApi.ImagesPerProduct).Select(i => MediaApi.ImageUrl(id, i)).ToList();
        var created = await grains.Get<IProductGrain>(id).Create(new NewProduct(request.ToDetails(images), request.Stock!.Value));
        catalog.Invalidate();
        return created.ToCreatedResult(_ => $"/api/products/{id}", ProductResponse.From);
    }

    public static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> Import(
        HttpContext http, IGrainFactory grains, CatalogSnapshot catalog, CancellationToken cancellationToken, bool dryRun = false)
    {
        var (key, badKey) = Orders.IdempotencyKeys.Read(http);
        if (badKey is not null)
        {
            return badKey;
        }

        var type = http.Request.ContentType ?? "";
        var csv = type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !type.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Problem(415, ErrorCodes.UnsupportedMediaType, "Send the products as text/csv or application/x-ndjson (JSON lines).");
        }

        // 10,000 rows of product text need more room than other requests' 1 MB.
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxImportBytes;
        }

        using var reader = new StreamReader(http.Request.Body);
        var rows = ProductImport.Parse(await reader.ReadToEndAsync(cancellationToken), csv, await catalog.GetCategories(cancellationToken));
        if (rows.Count > ProductImport.MaxRows)
        {
            return Problems.From(ShopError.Invalid("body", ErrorCodes.ImportTooManyRows, $"An import takes at most {ProductImport.MaxRows} rows.",
                new Dictionary<string, object> { ["max"] = ProductImport.MaxRows }));
        }

        if (rows.Count == 0 || rows.Any(r => r.Errors.Count > 0))
        {
            var errors = rows.Count == 0 ? new() { ["body"] = ["The file has no products."] } : ProductImport.Errors(rows);
            return Problems.From(new ShopError(ErrorKind.Validation, "Some rows are not valid; nothing was imported.", errors, ErrorCodes.ImportInvalidRows));
        }

        if (dryRun)
        {
            // Checked, not written: a large file is checked whole before any part of it is imported.
            return TypedResults.Ok(new ImportReport(0, 0, 0, rows.Select(r => new ImportedRow(r.Line, "", "valid")).ToList()));
        }

        var report = await ProductImport.Create(grains, rows, key, cancellationToken);
        catalog.Invalidate();
        return TypedResults.Ok(report);
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Update(
        string id, ProductRequest request, HttpContext http, IGrainFactory grains, CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        if (request.Check(stockRequired: false, await catalog.GetCategories(cancellationToken)) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var (expected, badIfMatch) = ProductETag.ReadIfMatch(http.Request);
        if (badIfMatch is not null)
        {
            return badIfMatch;
        }

        if (await Find(id, grains) is not { } current)
        {
            return ProductNotFound();
        }

        var details = request.ToDetails(current.Details.Images);
        return Answer(await grains.Get<IProductGrain>(id).Update(details, request.Stock, expected), http, catalog);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Archive(string id, IGrainFactory grains, CatalogSnapshot catalog)
    {
        if (await Find(id, grains) is null)
        {
            return ProductNotFound();
        }

        await grains.Get<IProductGrain>(id).Archive();
        catalog.Invalidate();
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> SetStock(
        string id, StockRequest request, HttpContext http, IGrainFactory grains, CatalogSnapshot catalog)
    {
        var (expected, badIfMatch) = ProductETag.ReadIfMatch(http.Request);
        if (badIfMatch is not null)
        {
            return badIfMatch;
        }

        return await Find(id, grains) is null
            ? ProductNotFound()
            : Answer(await grains.Get<IProductGrain>(id).SetStock(request.Stock!.Value, expected), http, catalog);
    }

    private static async Task<ProductView?> Find(string id, IGrainFactory grains) =>
        Ids.IsWellFormed(id) && await grains.Get<IProductGrain>(id).Get() is { Archived: false } product ? product : null;

    private static Results<Ok<ProductResponse>, ProblemHttpResult> Answer(Outcome<ProductView> outcome, HttpContext http, CatalogSnapshot catalog)
    {
        catalog.Invalidate();
        if (outcome.Value is { } product)
        {
            ProductETag.Set(http.Response, product.Revision);
        }

        return outcome.ToHttpResult(ProductResponse.From);
    }

    private static ProblemHttpResult ProductNotFound() => Problems.NotFound(ErrorCodes.ProductNotFound, "No product with this id.");
}
