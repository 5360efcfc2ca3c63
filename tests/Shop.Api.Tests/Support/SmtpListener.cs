using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Shop.Api.Tests.Support;

/// <summary>A real SMTP server on loopback that keeps every message it accepts.</summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store = new();
    private readonly Task _running;

    /// <summary>Listens on <paramref name="port"/>, or on a free port when none is given.</summary>
    public SmtpListener(int? port = null)
    {
        Port = port ?? FreePorts.Next();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>How many delivery attempts to refuse (with 451) before accepting, to exercise retries.</summary>
    public int RefuseNext
    {
        get => _store.RefuseNext;
        set => _store.RefuseNext = value;
    }

    public int Refused => _store.Refused;

    public IReadOnlyCollection<MimeMessage> Messages => _store.Messages;

    public async Task<MimeMessage> WaitFor(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (_store.Messages.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No matching email arrived. Got: " + string.Join(" | ", _store.Messages.Select(m => $"{m.To}: {m.Subject}")));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.ContinueWith(_ => { });
    }

    private sealed class Store : MessageStore
    {
        private int _refuseNext;
        private int _refused;

        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public int RefuseNext { get => _refuseNext; set => _refuseNext = value; }

        public int Refused => _refused;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref _refuseNext) >= 0)
            {
                Interlocked.Increment(ref _refused);
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "try again later");
            }

            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
