using System.Threading.Channels;

namespace Shop.Api.Email;

/// <summary>
/// Emails wait here for the background dispatcher, so a request never waits on (or fails because
/// of) a mail server, and answering takes as long whether an email is sent or not.
/// </summary>
public sealed class EmailOutbox
{
    private readonly Channel<EmailMessage> _queue = Channel.CreateBounded<EmailMessage>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Enqueue(EmailMessage message) => _queue.Writer.TryWrite(message);

    public ChannelReader<EmailMessage> Reader => _queue.Reader;
}
