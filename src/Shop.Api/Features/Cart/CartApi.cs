using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Infrastructure;
using Shop.Grains.Carts;

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
        group.MapPost("/items", Add);
        group.MapPut("/items/{productId}", Set);
        group.MapDelete("/items/{productId}", Remove);
        group.MapDelete("/", Clear);
        return group;
    }

    public static async Task<Ok<CartView>> Get(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await CartOf(http, grains).Get());

    public static async Task<Results<Ok<CartView>, ProblemHttpResult>> Add(AddCartItemRequest request, HttpContext http, IGrainFactory grains)
    {
        if (!Ids.IsWellFormed(request.ProductId))
        {
            return Problems.NotFound("The product does not exist.");
        }

        return Answer(await CartOf(http, grains).Add(request.ProductId, request.Quantity!.Value));
    }

    public static async Task<Results<Ok<CartView>, ProblemHttpResult>> Set(
        string productId, SetCartItemRequest request, HttpContext http, IGrainFactory grains)
    {
        if (!Ids.IsWellFormed(productId))
        {
            return Problems.NotFound("The product does not exist.");
        }

        return Answer(await CartOf(http, grains).SetQuantity(productId, request.Quantity!.Value));
    }

    public static async Task<Ok<CartView>> Remove(string productId, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await CartOf(http, grains).Remove(productId));

    public static async Task<NoContent> Clear(HttpContext http, IGrainFactory grains)
    {
        await CartOf(http, grains).Clear();
        return TypedResults.NoContent();
    }

    private static ICartGrain CartOf(HttpContext http, IGrainFactory grains) => grains.GetGrain<ICartGrain>(http.User.UserId());

    private static Results<Ok<CartView>, ProblemHttpResult> Answer(Grains.Common.Outcome<CartView> outcome) =>
        outcome.Value is { } cart ? TypedResults.Ok(cart) : Problems.From(outcome.Error!);
}
