using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Infrastructure;
using Shop.Api.Notifications.Orders;
using Shop.Grains.Common;
using Shop.Grains.Orders;

namespace Shop.Api.Features.Orders;

public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization();
        group.MapPost("/", Create);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPost("/{id}/pay", Pay);
        group.MapPost("/{id}/cancel", Cancel);
        return group;
    }

    public static async Task<Results<Created<OrderView>, Ok<OrderView>, ProblemHttpResult>> Create(
        CreateOrderRequest request, HttpContext http, IGrainFactory grains, OrderNotifier notifier)
    {
        var (key, badKey) = IdempotencyKeys.Read(http);
        if (badKey is not null)
        {
            return badKey;
        }

        var placed = await grains.GetGrain<IUserOrdersGrain>(http.User.UserId())
            .Checkout(request.ShippingAddress.ToAddress(), string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), key);
        if (placed.Value is not { } result)
        {
            return Problems.From(placed.Error!);
        }

        if (result.IsNew)
        {
            await notifier.Notify(OrderEvent.Placed, result.Order);
        }

        return TypedResults.Created($"/api/orders/{result.Order.Id}", result.Order);
    }

    public static async Task<Results<Ok<PagedList<OrderView>>, ProblemHttpResult>> List(
        HttpContext http, IGrainFactory grains, int? page = null, int? pageSize = null)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = Paging.Read(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var ids = await grains.GetGrain<IUserOrdersGrain>(http.User.UserId()).List(pageNumber, size);
        var orders = await Load(grains, ids.Ids);
        return TypedResults.Ok(new PagedList<OrderView>(orders, ids.Total, pageNumber, size));
    }

    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> Get(string id, HttpContext http, IGrainFactory grains) =>
        await FindOwn(id, http, grains) is { } order ? TypedResults.Ok(order) : OrderNotFound();

    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> Pay(
        string id, PayOrderRequest request, HttpContext http, IGrainFactory grains, OrderNotifier notifier)
    {
        var (key, badKey) = IdempotencyKeys.Read(http);
        if (badKey is not null)
        {
            return badKey;
        }

        var cardNumber = new string(request.CardNumber.Where(c => c is not (' ' or '-')).ToArray());
        if (cardNumber.Length is < 12 or > 19 || !cardNumber.All(char.IsAsciiDigit))
        {
            return Problems.Invalid("cardNumber", "The card number is not valid.");
        }

        if (await FindOwn(id, http, grains) is not { } before)
        {
            return OrderNotFound();
        }

        // Without a key every attempt is new; a fresh one keeps retries of it from matching others.
        var payment = new CardPayment(cardNumber, key ?? Guid.NewGuid().ToString("N"));
        return await AnswerAndNotify(before, await grains.GetGrain<IOrderGrain>(id).PayByCard(payment), notifier);
    }

    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> Cancel(
        string id, HttpContext http, IGrainFactory grains, OrderNotifier notifier) =>
        await FindOwn(id, http, grains) is { } before
            ? await AnswerAndNotify(before, await grains.GetGrain<IOrderGrain>(id).Cancel(), notifier)
            : OrderNotFound();

    /// <summary>Orders by id, in the order given, skipping any that cannot be found.</summary>
    public static async Task<List<OrderView>> Load(IGrainFactory grains, IEnumerable<string> ids)
    {
        var orders = await Task.WhenAll(ids.Select(id => grains.GetGrain<IOrderGrain>(id).Get()));
        return orders.OfType<OrderView>().ToList();
    }

    public static Results<Ok<OrderView>, ProblemHttpResult> Answer(Outcome<OrderView> outcome) =>
        outcome.Value is { } order ? TypedResults.Ok(order) : Problems.From(outcome.Error!);

    /// <summary>
    /// The answer to an order action, telling the shopper when it moved the order on. Comparing with
    /// the order as it was before names the event; the notifier makes sure it is told only once.
    /// </summary>
    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> AnswerAndNotify(
        OrderView before, Outcome<OrderView> outcome, OrderNotifier notifier)
    {
        OrderEvent? happened = (before.Status, outcome.Value?.Status) switch
        {
            (OrderStatus.PendingPayment, OrderStatus.Paid) => OrderEvent.Paid,
            (OrderStatus.Paid, OrderStatus.Shipped) => OrderEvent.Shipped,
            (OrderStatus.Paid or OrderStatus.Cancelled, OrderStatus.Refunded) => OrderEvent.Refunded,
            _ => null,
        };
        if (happened is { } kind)
        {
            await notifier.Notify(kind, outcome.Value!);
        }

        return Answer(outcome);
    }

    public static ProblemHttpResult OrderNotFound() => Problems.NotFound("No order with this id.");

    /// <summary>The caller's own order; another shopper's is reported as not found, never as forbidden.</summary>
    private static async Task<OrderView?> FindOwn(string id, HttpContext http, IGrainFactory grains)
    {
        var order = Ids.IsWellFormed(id) ? await grains.GetGrain<IOrderGrain>(id).Get() : null;
        return order?.UserId == http.User.UserId() ? order : null;
    }
}
