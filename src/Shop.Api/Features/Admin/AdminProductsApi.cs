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
    public static RouteGroupBuilder MapAdminProductsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/products").WithTags("Admin").RequireAuthorization(AuthenticationSetup.AdminPolicy);
        group.MapPost("/", Create);
        group.MapPut("/{id}", Update);
        group.MapDelete("/{id}", Archive);
        group.MapPut("/{id}/stock", SetStock);
        return group;
    }

    public static async Task<Results<Created<ProductResponse>, ProblemHttpResult>> Create(
        ProductRequest request, IGrainFactory grains, CatalogSnapshot catalog)
    {
        if (request.Check(stockRequired: true) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var id = ShopIds.New();
        var images = Enumerable.Range(0, MediaApi.ImagesPerProduct).Select(i => MediaApi.ImageUrl(id, i)).ToList();
        var created = await grains.GetGrain<IProductGrain>(id).Create(new NewProduct(request.ToDetails(images), request.Stock!.Value));
        catalog.Invalidate();
        return created.Value is { } product
            ? TypedResults.Created($"/api/products/{id}", ProductResponse.From(product))
            : Problems.From(created.Error!);
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Update(
        string id, ProductRequest request, IGrainFactory grains, CatalogSnapshot catalog)
    {
        if (request.Check(stockRequired: false) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        if (await Find(id, grains) is not { } current)
        {
            return ProductNotFound();
        }

        var details = request.ToDetails(current.Details.Images);
        return Answer(await grains.GetGrain<IProductGrain>(id).Update(details, request.Stock), catalog);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Archive(string id, IGrainFactory grains, CatalogSnapshot catalog)
    {
        if (await Find(id, grains) is null)
        {
            return ProductNotFound();
        }

        await grains.GetGrain<IProductGrain>(id).Archive();
        catalog.Invalidate();
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> SetStock(
        string id, StockRequest request, IGrainFactory grains, CatalogSnapshot catalog) =>
        await Find(id, grains) is null
            ? ProductNotFound()
            : Answer(await grains.GetGrain<IProductGrain>(id).SetStock(request.Stock!.Value), catalog);

    private static async Task<ProductView?> Find(string id, IGrainFactory grains) =>
        Ids.IsWellFormed(id) && await grains.GetGrain<IProductGrain>(id).Get() is { Archived: false } product ? product : null;

    private static Results<Ok<ProductResponse>, ProblemHttpResult> Answer(Outcome<ProductView> outcome, CatalogSnapshot catalog)
    {
        catalog.Invalidate();
        return outcome.ToHttpResult(ProductResponse.From);
    }

    private static ProblemHttpResult ProductNotFound() => Problems.NotFound(ErrorCodes.ProductNotFound, "No product with this id.");
}
