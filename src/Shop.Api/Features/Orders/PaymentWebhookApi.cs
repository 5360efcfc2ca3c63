using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;
using Shop.Grains.Orders;
using Shop.Silo.Configuration;

namespace Shop.Api.Features.Orders;

/// <summary>WEBHOOK_API_KEY: the key the payment provider signs its callbacks with.</summary>
public sealed class WebhookOptions
{
    public const int MinKeyLength = 32;

    [ConfigurationKeyName("WEBHOOK_API_KEY")]
    public string? Key { get; set; }

    /// <summary>Production's rule: a key long enough that nobody guesses it and forges a payment.</summary>
    public static readonly IValidateOptions<WebhookOptions> ProductionRule = new ShopOptions.Rule<WebhookOptions>(webhook =>
        webhook.Key is { Length: >= MinKeyLength } ? [] : [$"WEBHOOK_API_KEY must have at least {MinKeyLength} characters (it signs payment webhooks)."]);
}

/// <summary>The webhook key; without one (development only) a random key is used and every call is refused.</summary>
public sealed record WebhookSettings(byte[] Key)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static WebhookSettings From(WebhookOptions options) => new(
        options.Key is { } key ? Encoding.UTF8.GetBytes(key) : RandomNumberGenerator.GetBytes(32));
}

/// <summary>
/// The payment provider's signed callback: X-Shop-Timestamp (unix seconds) and
/// X-Shop-Signature: sha256=hex(HMAC-SHA256("{timestamp}.{raw body}", WEBHOOK_API_KEY)).
/// </summary>
public static class PaymentWebhookApi
{
    public const string TimestampHeader = "X-Shop-Timestamp";
    public const string SignatureHeader = "X-Shop-Signature";
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapPaymentWebhookApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/payments/webhook", Receive).WithTags("Payments")
            .Accepts<PaymentWebhookEvent>("application/json");
        return routes;
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Receive(
        HttpContext http, WebhookSettings settings, IGrainFactory grains, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        // The signature covers the exact bytes sent, so the body is read raw before any parsing.
        var body = await ReadBody(http.Request, cancellationToken);
        if (body is null)
        {
            return Problems.Problem(413, ErrorCodes.TooLarge, "The request body is too large.");
        }

        if (!IsSignedAndFresh(http.Request, body, settings, clock.GetUtcNow()))
        {
            return Problems.Unauthorized(ErrorCodes.WebhookSignatureInvalid, "The webhook signature is missing, wrong or stale.");
        }

        PaymentWebhookEvent? paymentEvent;
        try
        {
            paymentEvent = JsonSerializer.Deserialize<PaymentWebhookEvent>(body, json.Value.SerializerOptions);
        }
        catch (JsonException)
        {
            return Problems.Invalid("body", "The event is not valid JSON.");
        }

        if (Validate(paymentEvent) is { } problem)
        {
            return problem;
        }

        var order = Ids.IsWellFormed(paymentEvent!.OrderId) ? grains.Get<IOrderGrain>(paymentEvent.OrderId) : null;
        if (order is null || await order.Get() is null)
        {
            return OrdersApi.OrderNotFound();
        }

        var outcome = await order.ApplyPaymentEvent(new PaymentEvent(paymentEvent.PaymentId, paymentEvent.Status, paymentEvent.Amount!.Value));
        return outcome.ToHttpResult(OrderResponse.From);
    }

    public static string Sign(byte[] key, string timestamp, ReadOnlySpan<byte> body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body.ToArray()).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, signed));
    }

    private static bool IsSignedAndFresh(HttpRequest request, byte[] body, WebhookSettings settings, DateTimeOffset now)
    {
        var timestamp = request.Headers[TimestampHeader].ToString();
        var signature = request.Headers[SignatureHeader].ToString();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > now.ToUnixTimeSeconds() + 60
            || now.ToUnixTimeSeconds() - seconds > WebhookSettings.MaxAge.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(settings.Key, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private static ProblemHttpResult? Validate(PaymentWebhookEvent? paymentEvent)
    {
        if (paymentEvent is null)
        {
            return Problems.Invalid("body", "The event is empty.");
        }

        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
            paymentEvent, new(paymentEvent), results, validateAllProperties: true);
        return valid ? null : Problems.Invalid(results
            .SelectMany(r => r.MemberNames.DefaultIfEmpty("body").Select(m => (Member: JsonNamingPolicy.CamelCase.ConvertName(m), r.ErrorMessage)))
            .GroupBy(r => r.Member)
            .ToDictionary(g => g.Key, g => g.Select(r => r.ErrorMessage ?? "Invalid value.").ToArray()));
    }

    private static async Task<byte[]?> ReadBody(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
