using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Shop.Grains.Notifications;

namespace Shop.Silo.Notifications;

internal static class MimeMessages
{
    public static MimeMessage From(EmailMessage message, string sender)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(sender));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        if (message.MessageId is { } id)
        {
            mime.MessageId = $"{id}@shop.notifications";
        }

        mime.Body = new TextPart("plain") { Text = message.TextBody };
        return mime;
    }
}

/// <summary>Sends through the SMTP server in SMTP_HOST with MailKit, over TLS unless SMTP_TLS=off.</summary>
internal sealed class SmtpEmailDelivery(EmailOptions settings) : IDelivery<EmailMessage>
{
    public async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(settings.Host!, settings.Port, settings.SocketSecurity, cancellationToken);
        if (settings.User is not null)
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(MimeMessages.From(message, settings.From), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// Without SMTP_HOST (development), each email is written as an .eml file to MAIL_PICKUP_DIR, where a
/// developer can open it; nothing leaves the machine.
/// </summary>
internal sealed class PickupDirectoryEmailDelivery(EmailOptions settings, string directory) : IDelivery<EmailMessage>
{
    public async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{message.Kind}-{Guid.NewGuid():N}.eml");
        await MimeMessages.From(message, settings.From).WriteToAsync(path, cancellationToken);
    }
}
