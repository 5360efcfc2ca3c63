using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;
using Shop.Grains.Orders;

namespace Shop.Api.Features.Orders;

/// <summary>
/// The shopper's orders. Endpoints only ask the order grains and answer; what follows a change
/// (emails, SMS) the silo does from the order's stored events.
/// </summary>
public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization();
        group.MapPost("/", Create).WithMetadata(FlowLimit.Checkout);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPost("/{id}/pay", Pay);
        group.MapPost("/{id}/cancel", Cancel);
        return group;
    }

    public static async Task<Results<Created<OrderResponse>, ProblemHttpResult>> Create(
        CreateOrderRequest request, HttpContext http, IGrainFactory grains)
    {
        var (key, badKey) = IdempotencyKeys.Read(http);
        if (badKey is not null)
        {
            return badKey;
        }

        var placed = await grains.Get<IUserOrdersGrain>(http.User.UserId())
            .Checkout(request.ShippingAddress.ToAddress(), string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), key, request.ExpectedTotal);
        return placed.ToCreatedResult(result => $"/api/orders/{result.Order.Id}", result => OrderResponse.From(result.Order));
    }

    public static async Task<Ok<PagedList<OrderResponse>>> List([AsParameters] PageQuery paging, HttpContext http, IGrainFactory grains)
    {
        var ids = await grains.Get<IUserOrdersGrain>(http.User.UserId()).List(paging.PageNumber, paging.Size);
        var orders = await Load(grains, ids.Ids);
        return TypedResults.Ok(new PagedList<OrderResponse>(orders, ids.Total, paging.PageNumber, paging.Size));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Get(string id, HttpContext http, IGrainFactory grains) =>
        await FindOwn(id, http, grains) is { } order ? TypedResults.Ok(OrderResponse.From(order)) : OrderNotFound();

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Pay(
        string id, PayOrderRequest request, HttpContext http, IGrainFactory grains)
    {
        var (key, badKey) = IdempotencyKeys.Read(http);
        if (badKey is not null)
        {
            return badKey;
        }

        var cardNumber = new string(request.CardNumber.Where(c => c is not (' ' or '-')).ToArray());
        if (cardNumber.Length is < 12 or > 19 || !cardNumber.All(char.IsAsciiDigit))
        {
            return Problems.Invalid("cardNumber", "The card number is not valid.", ErrorCodes.CardInvalid);
        }

        if (await FindOwn(id, http, grains) is null)
        {
            return OrderNotFound();
        }

        // Without a key every attempt is new; a fresh one keeps retries of it from matching others.
        var payment = new CardPayment(cardNumber, key ?? Guid.NewGuid().ToString("N"));
        return (await grains.Get<IOrderGrain>(id).PayByCard(payment)).ToHttpResult(OrderResponse.From);
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Cancel(string id, HttpContext http, IGrainFactory grains) =>
        await FindOwn(id, http, grains) is null
            ? OrderNotFound()
            : (await grains.Get<IOrderGrain>(id).Cancel()).ToHttpResult(OrderResponse.From);

    /// <summary>Orders by id, in the order given, skipping any that cannot be found.</summary>
    public static async Task<List<OrderResponse>> Load(IGrainFactory grains, IEnumerable<string> ids)
    {
        var orders = await Task.WhenAll(ids.Select(id => grains.Get<IOrderGrain>(id).Get()));
        return orders.OfType<OrderView>().Select(OrderResponse.From).ToList();
    }

    public static ProblemHttpResult OrderNotFound() => Problems.NotFound(ErrorCodes.OrderNotFound, "No order with this id.");

    /// <summary>The caller's own order; another shopper's is reported as not found, never as forbidden.</summary>
    private static async Task<OrderView?> FindOwn(string id, HttpContext http, IGrainFactory grains)
    {
        var order = Ids.IsWellFormed(id) ? await grains.Get<IOrderGrain>(id).Get() : null;
        return order?.UserId == http.User.UserId() ? order : null;
    }
}
