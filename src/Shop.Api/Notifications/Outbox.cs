using System.Threading.Channels;
using Polly.Registry;
using Shop.Grains.Notifications;

namespace Shop.Api.Notifications;

/// <summary>
/// The API node's notifications (alerts, password emails) wait here for the background dispatcher,
/// so a request never waits on (or fails because of) a mail server or SMS gateway. In memory on
/// purpose: alerts must go out when storage is down, and a password link must not rest in a
/// database; a lost one is asked for again.
/// </summary>
public sealed class Outbox<T>
    where T : INotification
{
    private readonly Channel<T> _queue = Channel.CreateBounded<T>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Enqueue(T message) => _queue.Writer.TryWrite(message);

    public ChannelReader<T> Reader => _queue.Reader;
}

/// <summary>Delivers queued notifications through the retrying pipeline, then logs that it gave up.</summary>
internal sealed class OutboxDispatcher<T>(Outbox<T> outbox, IDelivery<T> delivery, ResiliencePipelineProvider<string> pipelines, ILogger<OutboxDispatcher<T>> logger)
    : BackgroundService
    where T : INotification
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = pipelines.GetPipeline(DeliveryPipelines.Notifications);
        await foreach (var message in outbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await retry.ExecuteAsync(async token => await delivery.DeliverAsync(message, token), stoppingToken);
                logger.LogInformation("Delivered a {Kind} {Channel}", message.Kind, typeof(T).Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The error's type only: mail and SMS errors tend to quote the recipient.
                logger.LogError("Gave up delivering a {Kind} {Channel}: {Error}", message.Kind, typeof(T).Name, e.GetType().Name);
            }
        }
    }
}
