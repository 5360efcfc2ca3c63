using System.Net.Http.Json;
using Shop.Grains.Notifications;

namespace Shop.Api.Notifications.Webhook;

/// <summary>A Slack-compatible webhook post: <c>{"text": "..."}</c> plus details for richer receivers.</summary>
public sealed record WebhookMessage(Uri Url, object Payload, string Kind) : INotification;

internal sealed class WebhookDelivery(IHttpClientFactory http) : IDelivery<WebhookMessage>
{
    public async Task DeliverAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        using var client = http.CreateClient(nameof(WebhookDelivery));
        using var response = await client.PostAsJsonAsync(message.Url, message.Payload, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
