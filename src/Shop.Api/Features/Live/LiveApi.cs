using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Features.Auth;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;
using Shop.Grains.Live;
using Shop.Grains.Users;
using Shop.Silo.Configuration;

namespace Shop.Api.Features.Live;

/// <summary>What a live event tells the client: what to read again. Orders name the order and its new status.</summary>
public sealed record LiveMessage(string? OrderId = null, Grains.Orders.OrderStatus? Status = null);

/// <summary>
/// GET /api/live: server-sent events of the signed-in account's orders and cart (and, for admins, of
/// every order). Events: <c>order</c>, <c>cart</c>, <c>resync</c> (read everything again: the stream is
/// new, or events were lost) and <c>ping</c>. Each carries an id; a client that reconnects with it in
/// Last-Event-ID gets the events it missed, from whichever API node it reaches.
/// </summary>
public static class LiveApi
{
    /// <summary>Keeps proxies from closing a quiet stream, and rechecks the token that opened it.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapLiveApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/live", Open).WithTags("Live").RequireAuthorization()
            .WithSummary("Live updates of the account's orders and cart (server-sent events)")
            .WithDescription(
                "A text/event-stream that stays open. Events: `order` (data: orderId, status) when one of the account's orders is " +
                "placed or changes status (for admins: any order), `cart` when the account's cart changes, `resync` when the client " +
                "should read its orders and cart again (a new stream, or events it can no longer be sent), and `ping` every " +
                $"{Heartbeat.TotalSeconds:0} s. Send the last event's id as Last-Event-ID when reconnecting to get what was missed. " +
                "The stream ends when the token expires or is retired. 429 when the account or the node has too many streams open.")
            .Produces<LiveMessage>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return routes;
    }

    public static WebApplicationBuilder AddShopLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddShopOptions<LiveOptions>();
        builder.Services.AddSingleton<LiveUpdates>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveUpdates>());
        return builder;
    }

    private static async Task<Results<ServerSentEventsResult<LiveMessage>, ProblemHttpResult>> Open(
        HttpContext http, LiveUpdates live, AuthStamps stamps, IGrainFactory grains)
    {
        var userId = http.User.UserId();
        var feeds = http.User.FindFirstValue(ClaimsPrincipalExtensions.RoleClaim) == Roles.Admin
            ? new[] { LiveFeeds.User(userId), LiveFeeds.Admins }
            : [LiveFeeds.User(userId)];
        var reader = await live.Open(userId, feeds);
        if (reader is null)
        {
            ShopMetrics.RequestsRateLimited.Add(1, new KeyValuePair<string, object?>("limit", "live"));
            return Problems.TooManyRequests(http, TimeSpan.FromSeconds(30), "Too many live streams are open; close another tab or try again later.");
        }

        // nginx buffers proxied answers unless told not to; a live stream must reach the page at once.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var resumeFrom = LiveCursor.Parse(http.Request.Headers["Last-Event-ID"].ToString(), feeds.Length);
        return TypedResults.ServerSentEvents(Events(reader, resumeFrom, http, live, stamps, grains, http.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<LiveMessage>> Events(
        LiveReader reader, LivePosition[]? resumeFrom, HttpContext http, LiveUpdates live, AuthStamps stamps, IGrainFactory grains,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            var cursor = reader.Start.ToArray();
            var missed = resumeFrom is null ? null : await CatchUp(grains, reader.Feeds, resumeFrom);
            if (missed is null)
            {
                yield return Item("resync", new LiveMessage(), cursor);
            }
            else
            {
                cursor = resumeFrom!;
                foreach (var liveEvent in missed)
                {
                    if (Advance(reader, cursor, liveEvent) is { } item)
                    {
                        yield return item;
                    }
                }
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                beat.CancelAfter(Heartbeat);
                LiveEvent? next = null;
                try
                {
                    next = await reader.Events.ReadAsync(beat.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }

                if (reader.Overflowed)
                {
                    reader.Overflowed = false;
                    while (reader.Events.TryRead(out var dropped))
                    {
                        cursor[reader.IndexOf(dropped.Feed)] = new LivePosition(dropped.Epoch, dropped.Sequence);
                    }

                    yield return Item("resync", new LiveMessage(), cursor);
                }
                else if (next is not null)
                {
                    if (Advance(reader, cursor, next) is { } item)
                    {
                        yield return item;
                    }
                }
                else if (await TokenIsCurrent(http, stamps))
                {
                    yield return Item("ping", new LiveMessage(), cursor);
                }
                else
                {
                    yield break;
                }
            }
        }
        finally
        {
            live.Close(reader);
        }
    }

    /// <summary>The events of every feed since the client's cursor, or null when any of them is no longer complete.</summary>
    private static async Task<List<LiveEvent>?> CatchUp(IGrainFactory grains, IReadOnlyList<string> feeds, LivePosition[] from)
    {
        var missed = new List<LiveEvent>();
        foreach (var (feed, position) in feeds.Zip(from))
        {
            if (await grains.Get<ILiveFeedGrain>(feed).Since(position) is not { } events)
            {
                return null;
            }

            missed.AddRange(events);
        }

        return missed;
    }

    /// <summary>The event as an item, moving the cursor on; null for one already sent. A gap or a new epoch asks for a resync.</summary>
    private static SseItem<LiveMessage>? Advance(LiveReader reader, LivePosition[] cursor, LiveEvent liveEvent)
    {
        var index = reader.IndexOf(liveEvent.Feed);
        var at = cursor[index];
        if (at.Epoch == liveEvent.Epoch && liveEvent.Sequence <= at.Sequence)
        {
            return null;
        }

        var inOrder = at.Epoch == liveEvent.Epoch && liveEvent.Sequence == at.Sequence + 1;
        cursor[index] = new LivePosition(liveEvent.Epoch, liveEvent.Sequence);
        if (!inOrder)
        {
            return Item("resync", new LiveMessage(), cursor);
        }

        var change = liveEvent.Change;
        return change.Kind == LiveChangeKind.Order
            ? Item("order", new LiveMessage(change.OrderId, change.Status), cursor)
            : Item("cart", new LiveMessage(), cursor);
    }

    private static SseItem<LiveMessage> Item(string type, LiveMessage message, LivePosition[] cursor) =>
        new(message, type) { EventId = LiveCursor.Format(cursor) };

    /// <summary>A stream ends when the token that opened it is retired (a password change) or expires.</summary>
    private static async Task<bool> TokenIsCurrent(HttpContext http, AuthStamps stamps)
    {
        var expires = http.User.FindFirstValue("exp") is { } exp && long.TryParse(exp, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MaxValue;
        var stamp = await stamps.Get(http.User.UserId());
        return expires > DateTimeOffset.UtcNow && stamp is not null
            && stamp.TokenVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) == http.User.FindFirstValue(ClaimsPrincipalExtensions.TokenVersionClaim);
    }
}
