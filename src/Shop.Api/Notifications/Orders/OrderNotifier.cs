using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Shop.Api.Notifications.Email;
using Shop.Api.Notifications.Sms;
using Shop.Grains.Orders;
using Shop.Grains.Users;

namespace Shop.Api.Notifications.Orders;

/// <summary>
/// Tells shoppers about their orders: email when placed, paid, shipped and refunded; SMS when
/// shipped, if they gave a phone. Only queues: a failure here never fails the order. Each event is
/// told once, however many requests saw it happen: the order grain grants it (ClaimNotice).
/// </summary>
public sealed class OrderNotifier(
    IGrainFactory grains, Outbox<EmailMessage> emails, Outbox<SmsMessage> sms, IConfiguration config, IServer server, ILogger<OrderNotifier> logger)
{
    public async Task Notify(OrderEvent kind, OrderView order)
    {
        try
        {
            if (!await grains.GetGrain<IOrderGrain>(order.Id).ClaimNotice(order.Status)
                || await grains.GetGrain<IUserGrain>(order.UserId).GetProfile() is not { } shopper)
            {
                return;
            }

            var (subject, body) = OrderMessages.Email(kind, order, shopper.Name, shopper.Language, $"{PublicBaseUrl()}/account/orders/{order.Id}");
            emails.Enqueue(new EmailMessage(shopper.Email, subject, body, $"order-{kind.ToString().ToLowerInvariant()}"));
            if (kind == OrderEvent.Shipped && PhoneNumbers.ToE164(shopper.Phone) is { } phone)
            {
                sms.Enqueue(new SmsMessage(phone, OrderMessages.ShippedSms(order, shopper.Language), "order-shipped"));
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not queue the {Event} notification of order {OrderId}", kind, order.Id);
        }
    }

    /// <summary>API_BASE_URL (required in production); else, in development, where this process listens.</summary>
    private string PublicBaseUrl()
    {
        if (Uri.TryCreate(config["API_BASE_URL"], UriKind.Absolute, out var configured))
        {
            return configured.GetLeftPart(UriPartial.Authority);
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return listening is null
            ? $"http://localhost:{config["PORT"] ?? "5000"}"
            : Regex.Replace(listening, @"//(0\.0\.0\.0|\[::\]|\+|\*)(?=:|$)", "//localhost");
    }
}

public static class PhoneNumbers
{
    /// <summary>E.164 for SMS: kept when it starts with +, +86 added to an 11-digit mainland mobile number.</summary>
    public static string? ToE164(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return phone.TrimStart().StartsWith('+') ? "+" + digits
            : digits.Length == 11 && digits[0] == '1' ? "+86" + digits
            : null;
    }
}
