using Microsoft.Extensions.Logging;
using Shop.Grains.Common;
using Shop.Grains.Live;
using Shop.Grains.Notifications;
using Shop.Grains.Orders.ReadModel;
using Shop.Grains.Users;

namespace Shop.Grains.Orders;

/// <summary>
/// What follows a transition: the events are recorded with the notices they owe, handed on, and
/// what could not be done now (notices, stock, the payment deadline) is done by one reminder.
/// </summary>
internal sealed partial class OrderGrain
{
    /// <summary>
    /// Saves a state whose order gained events together with the notices they owe, then hands the
    /// events on. The reminder is registered first, so work owed is never left without one.
    /// </summary>
    private async Task Record(OrderState next)
    {
        var known = State.Order?.History.Count ?? 0;
        var events = next.Order!.EventsAfter(known).ToList();
        var notices = events.Where(e => OrderNotifications.AreSentFor(e.Kind)).Select(e => e.Sequence);
        next = next with { UnsentNotices = next.UnsentNotices.Union(notices) };
        if (OwesWork(next) && known > 0)
        {
            await EnsureReminder();
        }

        await store.SaveAsync(next);
        foreach (var orderEvent in events)
        {
            OrderMetrics.Count(orderEvent, Order);
        }

        await SendNotices();
        await GrainFactory.Get<IOrderOutbox>(Id).Project();
        await PublishLive();
    }

    /// <summary>Tells the shopper's open pages and the admins' order table (one-way; a page that misses it reads again on reconnect).</summary>
    private async Task PublishLive()
    {
        var change = new LiveChange(LiveChangeKind.Order, Id, Order.Status);
        await GrainFactory.Get<ILiveFeedGrain>(LiveFeeds.User(Order.UserId)).Publish(change);
        await GrainFactory.Get<ILiveFeedGrain>(LiveFeeds.Admins).Publish(change);
    }

    /// <summary>Hands each unsent notice to its event's notification grain (one-way: nothing waits on mail).</summary>
    private async Task SendNotices()
    {
        if (State.Order is null || State.UnsentNotices.IsEmpty)
        {
            return;
        }

        var view = Order.ToView();
        foreach (var sequence in State.UnsentNotices)
        {
            var orderEvent = Order.Event(sequence);
            try
            {
                await GrainFactory.Get<IOrderNotificationGrain>(orderEvent.Id).Send(orderEvent, view);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Order {OrderId} could not hand on the notices of event {Sequence}; the reminder retries", Id, sequence);
            }
        }
    }

    private async Task SettleStock()
    {
        if (State.OwedReleases.IsEmpty && State.OwedCommits.IsEmpty)
        {
            return;
        }

        var (releases, commits) = await Stock.Settle(State.OwedReleases, State.OwedCommits);
        try
        {
            await store.SaveAsync(State with { OwedReleases = releases, OwedCommits = commits });
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Order {OrderId} could not record settled stock; the reminder retries", Id);
        }
    }

    private static bool OwesWork(OrderState state) =>
        !state.OwedReleases.IsEmpty || !state.OwedCommits.IsEmpty || !state.UnsentNotices.IsEmpty
        || state.ProjectedVersion < (state.Order?.History.Count ?? 0);

    /// <summary>Makes sure the reminder comes back within RetryPeriod for work the order owes.</summary>
    private Task EnsureReminder() => this.RegisterOrUpdateReminder(WorkReminder, Rules.RetryPeriod, Rules.RetryPeriod);

    /// <summary>
    /// After a tick: while work is owed the reminder keeps its short period; when only the payment
    /// deadline is left it sleeps until then; with nothing left it goes.
    /// </summary>
    private async Task Reschedule()
    {
        if (OwesWork(State))
        {
            return;
        }

        if (State.Order?.Status == OrderStatus.PendingPayment)
        {
            var untilDeadline = Order.PaymentDeadline - clock.GetUtcNow();
            if (untilDeadline > Rules.RetryPeriod)
            {
                await this.RegisterOrUpdateReminder(WorkReminder, untilDeadline, Rules.RetryPeriod);
            }

            return;
        }

        if (await this.GetReminder(WorkReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>
    /// Brings the admin list's row up to the order's events. Idempotent (the row keeps its highest
    /// version); a failure is left to the reminder, since the order owes work until it succeeds.
    /// </summary>
    public async Task Project()
    {
        if (State.Order is not { } order || State.ProjectedVersion >= order.History.Count)
        {
            return;
        }

        try
        {
            _email ??= (await GrainFactory.Get<IUserGrain>(order.UserId).GetProfile())?.Email ?? "";
            await readModel.Upsert(new OrderRow(order.Id, OrderRow.NumberOf(order.Id), order.UserId, _email, order.Status, order.Total,
                order.CreatedAt, order.History[^1].At, order.History.Count,
                [.. order.Items.Select(l => new OrderRowLine(l.ProductId, l.Name, l.Quantity, l.LineTotal))]));

            // Not written now: it rides with the order's next write, and a projection repeated after
            // a restart changes nothing.
            store.State = State with { ProjectedVersion = order.History.Count };
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Order {OrderId} could not update the admin order list; the reminder retries", Id);
        }
    }

    public async Task Confirm(int sequence)
    {
        if (State.UnsentNotices.Contains(sequence))
        {
            await store.SaveAsync(State with { UnsentNotices = State.UnsentNotices.Remove(sequence) });
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Placing is { } placing && State.Order is null)
        {
            // A checkout that never finished: give back whatever it managed to reserve.
            await Stock.ReleaseAll(placing.Lines.Select(l => l.ProductId));
            await store.SaveAsync(State with { Placing = null, Abandoned = true });
        }

        if (State.Order is not null)
        {
            await ExpireIfOverdue();
        }

        await SettleStock();
        await SendNotices();
        await Project();
        await Reschedule();
    }
}
