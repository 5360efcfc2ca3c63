using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Shop.Grains.Notifications;
using Shop.Silo.Configuration;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Shop.Silo.Notifications;

/// <summary>TWILIO_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM; TWILIO_API_BASE_URL points the client elsewhere (tests, a proxy).</summary>
public sealed class TwilioOptions
{
    [ConfigurationKeyName("TWILIO_SID")]
    public string? Sid { get; set; }

    [ConfigurationKeyName("TWILIO_AUTH_TOKEN")]
    public string? AuthToken { get; set; }

    [ConfigurationKeyName("TWILIO_FROM")]
    public string? From { get; set; }

    [ConfigurationKeyName("TWILIO_API_BASE_URL")]
    [AbsoluteUrl(ErrorMessage = "TWILIO_API_BASE_URL must be an absolute URL.")]
    public Uri? ApiBaseUrl { get; set; }

    public bool Configured => Sid is not null && AuthToken is not null && From is not null;
}

/// <summary>Sends SMS with Twilio's REST client.</summary>
internal sealed class TwilioSmsDelivery(TwilioOptions settings) : IDelivery<SmsMessage>
{
    private readonly TwilioRestClient _client = new(
        settings.Sid!.Trim(), settings.AuthToken!.Trim(), accountSid: settings.Sid.Trim(),
        httpClient: new SystemNetHttpClient(new System.Net.Http.HttpClient(new RedirectHandler(settings.ApiBaseUrl)) { Timeout = TimeSpan.FromSeconds(30) }));

    public async Task DeliverAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var options = new CreateMessageOptions(new PhoneNumber(message.To)) { From = new PhoneNumber(settings.From!.Trim()), Body = message.Body };
        await MessageResource.CreateAsync(options, _client);
    }

    /// <summary>Sends Twilio's requests to TWILIO_API_BASE_URL instead of api.twilio.com when it is set.</summary>
    private sealed class RedirectHandler(Uri? baseUrl) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (baseUrl is not null && request.RequestUri is { } uri)
            {
                request.RequestUri = new UriBuilder(uri) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port }.Uri;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Without Twilio settings SMS are dropped; the log says one would have been sent.</summary>
internal sealed class DisabledSmsDelivery(ILogger<DisabledSmsDelivery> logger) : IDelivery<SmsMessage>
{
    public Task DeliverAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        logger.LogInformation("SMS is not configured (TWILIO_*); a {Kind} SMS was not sent", message.Kind);
        return Task.CompletedTask;
    }
}
