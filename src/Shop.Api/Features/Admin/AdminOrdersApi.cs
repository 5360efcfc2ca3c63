using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Features.Auth;
using Shop.Api.Features.Orders;
using Shop.Api.Infrastructure;
using Shop.Grains.Orders;

namespace Shop.Api.Features.Admin;

public static class AdminOrdersApi
{
    public static RouteGroupBuilder MapAdminOrdersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/orders").WithTags("Admin").RequireAuthorization(AuthenticationSetup.AdminPolicy);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPost("/{id}/ship", Ship);
        group.MapPost("/{id}/deliver", Deliver);
        group.MapPost("/{id}/refund", Refund);
        return group;
    }

    public static async Task<Ok<PagedList<OrderResponse>>> List([AsParameters] AdminOrderQuery query, IGrainFactory grains)
    {
        var (ids, total) = await AdminOrderList.PageAsync(grains, query.Wanted, query.Skip, query.Size);
        return TypedResults.Ok(new PagedList<OrderResponse>(await OrdersApi.Load(grains, ids), total, query.PageNumber, query.Size));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Get(string id, IGrainFactory grains) =>
        Ids.IsWellFormed(id) && await grains.GetGrain<IOrderGrain>(id).Get() is { } order
            ? TypedResults.Ok(OrderResponse.From(order))
            : OrdersApi.OrderNotFound();

    public static Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Ship(string id, ShipOrderRequest request, IGrainFactory grains) =>
        Act(id, grains, order => order.Ship(request.Carrier.Trim(), request.TrackingNumber.Trim()));

    public static Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Deliver(string id, IGrainFactory grains) =>
        Act(id, grains, order => order.Deliver());

    public static Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Refund(string id, IGrainFactory grains) =>
        Act(id, grains, order => order.Refund());

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Act(
        string id, IGrainFactory grains, Func<IOrderGrain, Task<Grains.Common.Outcome<OrderView>>> action)
    {
        var order = grains.GetGrain<IOrderGrain>(id);
        return Ids.IsWellFormed(id) && await order.Get() is not null
            ? (await action(order)).ToHttpResult(OrderResponse.From)
            : OrdersApi.OrderNotFound();
    }
}
