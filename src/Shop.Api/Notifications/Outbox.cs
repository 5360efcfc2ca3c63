using System.Threading.Channels;

namespace Shop.Api.Notifications;

/// <summary>Something to deliver; <see cref="Kind"/> names it in logs, which never carry addresses or text.</summary>
public interface INotification
{
    string Kind { get; }
}

/// <summary>Delivers one kind of notification: SMTP for email, Twilio for SMS, HTTP for webhooks.</summary>
public interface IDelivery<in T>
    where T : INotification
{
    Task DeliverAsync(T message, CancellationToken cancellationToken);
}

/// <summary>
/// Notifications wait here for the background dispatcher, so a request never waits on (or fails
/// because of) a mail server or SMS gateway.
/// </summary>
public sealed class Outbox<T>
    where T : INotification
{
    private readonly Channel<T> _queue = Channel.CreateBounded<T>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Enqueue(T message) => _queue.Writer.TryWrite(message);

    public ChannelReader<T> Reader => _queue.Reader;
}

/// <summary>Delivers queued notifications, retrying a failed one a few times, then logging that it gave up.</summary>
internal sealed class OutboxDispatcher<T>(Outbox<T> outbox, IDelivery<T> delivery, NotificationRetry retry, ILogger<OutboxDispatcher<T>> logger)
    : BackgroundService
    where T : INotification
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in outbox.Reader.ReadAllAsync(stoppingToken))
        {
            await DeliverWithRetries(message, stoppingToken);
        }
    }

    private async Task DeliverWithRetries(T message, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await delivery.DeliverAsync(message, stoppingToken);
                logger.LogInformation("Delivered a {Kind} {Channel}", message.Kind, typeof(T).Name);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < retry.Delays.Length)
            {
                // The error's type only: mail and SMS errors tend to quote the recipient.
                logger.LogWarning("Delivering a {Kind} {Channel} failed ({Error}); retry {Attempt} in {Delay}",
                    message.Kind, typeof(T).Name, e.GetType().Name, attempt + 1, retry.Delays[attempt]);
                await Task.Delay(retry.Delays[attempt], stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError("Gave up delivering a {Kind} {Channel} after {Attempts} attempts: {Error}",
                    message.Kind, typeof(T).Name, attempt + 1, e.GetType().Name);
                return;
            }
        }
    }
}

/// <summary>How long to wait before each retry of a failed delivery.</summary>
public sealed record NotificationRetry(TimeSpan[] Delays)
{
    public static readonly NotificationRetry Default = new([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1)]);
}
