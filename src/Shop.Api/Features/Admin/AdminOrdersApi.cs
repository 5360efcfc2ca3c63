using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Features.Auth;
using Shop.Api.Features.Orders;
using Shop.Api.Infrastructure;
using Shop.Api.Notifications.Orders;
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

    public static async Task<Results<Ok<PagedList<OrderView>>, ProblemHttpResult>> List(
        IGrainFactory grains, string? status = null, int? page = null, int? pageSize = null)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = Paging.Read(page, pageSize, errors);
        OrderStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _))
            {
                wanted = parsed;
            }
            else
            {
                errors["status"] = [$"status must be one of: {string.Join(", ", Enum.GetNames<OrderStatus>())}."];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (ids, total) = await AdminOrderList.PageAsync(grains, wanted, (pageNumber - 1) * size, size);
        return TypedResults.Ok(new PagedList<OrderView>(await OrdersApi.Load(grains, ids), total, pageNumber, size));
    }

    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> Get(string id, IGrainFactory grains) =>
        Ids.IsWellFormed(id) && await grains.GetGrain<IOrderGrain>(id).Get() is { } order
            ? TypedResults.Ok(order)
            : OrdersApi.OrderNotFound();

    public static Task<Results<Ok<OrderView>, ProblemHttpResult>> Ship(
        string id, ShipOrderRequest request, IGrainFactory grains, OrderNotifier notifier) =>
        Act(id, grains, notifier, order => order.Ship(request.Carrier.Trim(), request.TrackingNumber.Trim()));

    public static Task<Results<Ok<OrderView>, ProblemHttpResult>> Deliver(string id, IGrainFactory grains, OrderNotifier notifier) =>
        Act(id, grains, notifier, order => order.Deliver());

    public static Task<Results<Ok<OrderView>, ProblemHttpResult>> Refund(string id, IGrainFactory grains, OrderNotifier notifier) =>
        Act(id, grains, notifier, order => order.Refund());

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> Act(
        string id, IGrainFactory grains, OrderNotifier notifier, Func<IOrderGrain, Task<Grains.Common.Outcome<OrderView>>> action)
    {
        var order = grains.GetGrain<IOrderGrain>(id);
        if (!Ids.IsWellFormed(id) || await order.Get() is not { } before)
        {
            return OrdersApi.OrderNotFound();
        }

        return await OrdersApi.AnswerAndNotify(before, await action(order), notifier);
    }
}
