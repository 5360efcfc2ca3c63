using Microsoft.Extensions.Logging;
using Polly.Registry;
using Shop.Grains.Common;
using Shop.Grains.Orders;
using Shop.Grains.Users;

namespace Shop.Grains.Notifications;

/// <summary>
/// Delivers the notices of one order event, at least once: the order keeps the event in its outbox
/// (stored with the event itself) and sends it here again from its reminder until this grain
/// confirms. One activation per event id sends each message once, however often it is asked; only
/// a crash between a delivery and its confirmation can repeat one, and the email's Message-ID
/// (the event id) lets mail clients recognise that repeat.
/// </summary>
// Kept two idle minutes after the last request, long enough that a resend queued behind a slow
// delivery finds this activation (and its flags) instead of a new one that would send again.
[CollectionAgeLimit(Minutes = 2)]
internal sealed class OrderNotificationGrain(
    IDelivery<EmailMessage> emails,
    IDelivery<SmsMessage> sms,
    IShopLinks links,
    ResiliencePipelineProvider<string> pipelines,
    ILogger<OrderNotificationGrain> logger) : Grain, IOrderNotificationGrain
{
    private bool _emailSent;
    private bool _smsSent;

    public async Task Send(OrderEvent orderEvent, OrderView order)
    {
        try
        {
            if (!_emailSent || !_smsSent)
            {
                await Deliver(orderEvent, order);
            }

            await GrainFactory.Get<IOrderOutbox>(order.Id).Confirm(orderEvent.Sequence);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The error's type only: mail and SMS errors tend to quote the recipient.
            logger.LogWarning("Notices of order event {EventId} ({Kind}) were not delivered ({Error}); the order's reminder sends them again",
                orderEvent.Id, orderEvent.Kind, e.GetType().Name);
        }
    }

    private async Task Deliver(OrderEvent orderEvent, OrderView order)
    {
        var shopper = await GrainFactory.Get<IUserGrain>(order.UserId).GetProfile();
        var retry = pipelines.GetPipeline(DeliveryPipelines.Notifications);
        if (shopper is { EmailVerified: false } && !_emailSent)
        {
            // Order mail goes only to an address its owner proved theirs: anyone can type any address at registration.
            logger.LogDebug("The {Kind} email of order event {EventId} was not sent: the address is not verified", orderEvent.Kind, orderEvent.Id);
        }
        else if (shopper is not null && !_emailSent)
        {
            var (subject, body) = OrderMessages.Email(orderEvent.Kind, order, shopper.Name, shopper.Language, links.Page($"/account/orders/{order.Id}"));
            var email = new EmailMessage(shopper.Email, subject, body, $"order-{orderEvent.Kind.ToString().ToLowerInvariant()}", MessageId: orderEvent.Id);
            await retry.ExecuteAsync(async token => await emails.DeliverAsync(email, token));
            logger.LogInformation("Delivered the {Kind} email of order event {EventId}", orderEvent.Kind, orderEvent.Id);
        }

        _emailSent = true;
        if (shopper is not null && !_smsSent && orderEvent.Kind == OrderEventKind.Shipped && PhoneNumbers.ToE164(shopper.Phone) is { } phone)
        {
            var message = new SmsMessage(phone, OrderMessages.ShippedSms(order, shopper.Language), "order-shipped");
            await retry.ExecuteAsync(async token => await sms.DeliverAsync(message, token));
        }

        _smsSent = true;
    }
}
