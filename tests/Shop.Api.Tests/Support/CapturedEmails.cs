using System.Collections.Concurrent;
using Shop.Grains.Notifications;

namespace Shop.Api.Tests.Support;

/// <summary>Keeps the emails the shop sends, so tests can read the links in them.</summary>
public sealed class CapturedEmails : IDelivery<EmailMessage>
{
    private readonly ConcurrentQueue<EmailMessage> _sent = new();

    public Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }

    public async Task<EmailMessage> WaitFor(string to, string kind, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            var found = _sent.LastOrDefault(m => m.To == to && m.Kind == kind);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No {kind} email reached {to}.");
    }

    public int CountTo(string to) => _sent.Count(m => m.To == to);

    public int CountTo(string to, string kind) => _sent.Count(m => m.To == to && m.Kind == kind);
}
