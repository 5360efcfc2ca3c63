using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Features.Auth;
using Shop.Api.Features.Orders;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;
using Shop.Grains.Orders;
using Shop.Grains.Orders.ReadModel;

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

    /// <summary>A page of the admin order list (the read model), each order read whole from its grain.</summary>
    public static async Task<Ok<AdminOrderPage>> List([AsParameters] AdminOrderQuery query, IGrainFactory grains, IOrderReadModel orders, CancellationToken cancellationToken)
    {
        var page = await orders.Query(query.ToRowQuery(), cancellationToken);
        var items = await OrdersApi.Load(grains, page.Rows.Select(r => r.OrderId));
        return TypedResults.Ok(new AdminOrderPage(items, page.Total, query.PageNumber, query.Size, page.NextCursor?.ToString()));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Get(string id, IGrainFactory grains) =>
        Ids.IsWellFormed(id) && await grains.Get<IOrderGrain>(id).Get() is { } order
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
        // The id is checked before a grain reference is made: Orleans refuses some keys (blank ones) with an exception.
        var order = Ids.IsWellFormed(id) ? grains.Get<IOrderGrain>(id) : null;
        return order is not null && await order.Get() is not null
            ? (await action(order)).ToHttpResult(OrderResponse.From)
            : OrdersApi.OrderNotFound();
    }
}

/// <summary>
/// A page of orders; <see cref="Total"/> counts up to 10,000 (beyond, the list shows "10,000+"), and
/// <see cref="NextCursor"/> continues after the last item (null on the last page).
/// </summary>
public sealed record AdminOrderPage(IReadOnlyList<OrderResponse> Items, int Total, int Page, int PageSize, string? NextCursor);
