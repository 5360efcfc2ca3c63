using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Shop.Grains.Notifications;

namespace Shop.Grains.Tests.Support;

/// <summary>
/// What the silos of the test clusters deliver, kept in memory instead of mailed. Shared by every
/// silo (they run in this process); tests tell their messages apart by address.
/// </summary>
public sealed class SentNotifications : IDelivery<EmailMessage>, IDelivery<SmsMessage>
{
    public static readonly SentNotifications Instance = new();

    private readonly ConcurrentQueue<EmailMessage> _emails = new();
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();

    /// <summary>The next <paramref name="count"/> emails to <paramref name="to"/> fail, as a mail server that is down would.</summary>
    public void FailNext(string to, int count) => _failuresLeft[to] = count;

    public IReadOnlyList<EmailMessage> EmailsTo(string to) => _emails.Where(e => e.To == to).ToList();

    public Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (_failuresLeft.TryGetValue(message.To, out var left) && left > 0 && _failuresLeft.TryUpdate(message.To, left - 1, left))
        {
            throw new IOException("The mail server is not answering.");
        }

        _emails.Enqueue(message);
        return Task.CompletedTask;
    }

    public Task DeliverAsync(SmsMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Registers the capture before the shop's own deliveries, which are only added when missing.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<IDelivery<EmailMessage>>(Instance);
        services.AddSingleton<IDelivery<SmsMessage>>(Instance);
    }
}
