using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Infrastructure;
using Shop.Grains.Carts;
using Shop.Grains.Common;

namespace Shop.Api.Features.Cart;

public sealed record AddCartItemRequest(
    [property: Required, MaxLength(64)] string ProductId,
    [property: Required, Range(1, CartLimits.MaxQuantityPerLine)] int? Quantity);

public sealed record SetCartItemRequest(
    [property: Required, Range(0, CartLimits.MaxQuantityPerLine)] int? Quantity);

public static class CartApi
{
    public static RouteGroupBuilder MapCartApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/cart").WithTags("Cart").RequireAuthorization();
        group.MapGet("/", Get);
        group.MapPost("/items", Add).WithMetadata(FlowLimit.CartWrites);
        group.MapPut("/items/{productId}", Set).WithMetadata(FlowLimit.CartWrites);
        group.MapDelete("/items/{productId}", Remove);
        group.MapDelete("/", Clear);
        return group;
    }

    public static async Task<Ok<CartResponse>> Get(HttpContext http, IGrainFactory grains, CartPricing pricing, CancellationToken cancellationToken) =>
        TypedResults.Ok(await pricing.Price(http.User.UserId(), await CartOf(http, grains).GetLines(), cancellationToken));

    public static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Add(
        AddCartItemRequest request, HttpContext http, IGrainFactory grains, CartPricing pricing, CancellationToken cancellationToken) =>
        Ids.IsWellFormed(request.ProductId)
            ? await Answer(await CartOf(http, grains).Add(request.ProductId, request.Quantity!.Value), http, pricing, cancellationToken)
            : ProductNotFound();

    public static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Set(
        string productId, SetCartItemRequest request, HttpContext http, IGrainFactory grains, CartPricing pricing, CancellationToken cancellationToken) =>
        Ids.IsWellFormed(productId)
            ? await Answer(await CartOf(http, grains).SetQuantity(productId, request.Quantity!.Value), http, pricing, cancellationToken)
            : ProductNotFound();

    public static async Task<Ok<CartResponse>> Remove(
        string productId, HttpContext http, IGrainFactory grains, CartPricing pricing, CancellationToken cancellationToken) =>
        TypedResults.Ok(await pricing.Price(http.User.UserId(), await CartOf(http, grains).Remove([productId]), cancellationToken));

    public static async Task<NoContent> Clear(HttpContext http, IGrainFactory grains)
    {
        await CartOf(http, grains).Clear();
        return TypedResults.NoContent();
    }

    private static ICartGrain CartOf(HttpContext http, IGrainFactory grains) => grains.Get<ICartGrain>(http.User.UserId());

    private static Task<Results<Ok<CartResponse>, ProblemHttpResult>> Answer(
        Outcome<IReadOnlyList<CartLine>> outcome, HttpContext http, CartPricing pricing, CancellationToken cancellationToken) =>
        outcome.ToHttpResultAsync(lines => pricing.Price(http.User.UserId(), lines, cancellationToken));

    private static ProblemHttpResult ProductNotFound() => Problems.NotFound(ErrorCodes.ProductNotFound, "The product does not exist.");
}
