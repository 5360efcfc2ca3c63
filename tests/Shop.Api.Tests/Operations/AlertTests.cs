using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shop.Api.Alerts;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Operations;

/// <summary>Measurements the tests set; the alert monitor reads them instead of the machine's.</summary>
public sealed class InjectedSignals : IAlertSignals
{
    public double Cpu { get; set; } = 20;

    public double Memory { get; set; } = 40;

    public double? ErrorRate { get; set; } = 0;

    public double? Latency { get; set; } = 50;

    public bool Available { get; set; } = true;

    public Task<Measurement> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(new Measurement(
        DateTimeOffset.UtcNow, Cpu, Memory, ErrorRate, Latency, Available, Available ? null : "failing checks: storage"));
}

/// <summary>
/// Each alert rule driven over its threshold and back with injected measurements (no CPU is burnt),
/// with what arrives at a real SMTP server, a Twilio stand-in and a webhook receiver.
/// </summary>
public sealed class AlertTests : IAsyncLifetime
{
    private readonly InjectedSignals _signals = new();
    private SmtpListener _smtp = null!;
    private HttpRecorder _twilio = null!;
    private HttpRecorder _webhook = null!;
    private ShopApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _smtp = new SmtpListener();
        _twilio = await HttpRecorder.StartAsync(201, """{"sid":"SM0001","status":"queued"}""");
        _webhook = await HttpRecorder.StartAsync(200, "ok");
        _factory = new ShopApiFactory
        {
            CaptureEmails = false,
            Replace = services =>
            {
                services.RemoveAll<IAlertSignals>();
                services.AddSingleton<IAlertSignals>(_signals);
            },
        };
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["SMTP_HOST"] = "127.0.0.1",
            ["SMTP_PORT"] = _smtp.Port.ToString(),
            ["SMTP_TLS"] = "off", // the loopback listener offers no STARTTLS
            ["TWILIO_SID"] = "AC00000000000000000000000000000002",
            ["TWILIO_AUTH_TOKEN"] = "token",
            ["TWILIO_FROM"] = "+15005550006",
            ["TWILIO_API_BASE_URL"] = _twilio.BaseUrl,
            ["ALERT_EMAILS"] = "admin@shop.com, devops@shop.com",
            ["ALERT_SMS_TO"] = "+8612345678901",
            ["ALERT_WEBHOOK_URL"] = _webhook.BaseUrl + "/hooks/slack",
            ["ALERT_EVALUATION_INTERVAL"] = "100ms",
            ["ALERT_WINDOW"] = "1s",
            ["ALERT_COOLDOWN"] = "1h",
            ["SEED_DEMO_DATA"] = "false",
        })
        {
            _factory.Settings[key] = value;
        }

        _factory.CreateClient(); // starts the host, and with it the monitor
        await Task.Delay(300);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _webhook.DisposeAsync();
        await _twilio.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task High_cpu_is_critical_by_email_sms_and_webhook_once_per_cooldown_then_resolved()
    {
        _signals.Cpu = 97;

        foreach (var recipient in new[] { "admin@shop.com", "devops@shop.com" })
        {
            await _smtp.WaitFor(m => (m.Subject ?? "").StartsWith("[Shop CRITICAL] CPU usage is high") && m.To.Mailboxes.Single().Address == recipient);
        }

        var sms = await _twilio.WaitFor(r => r.Form.GetValueOrDefault("Body", "").Contains("CPU usage is high"));
        Assert.Equal("+8612345678901", sms.Form["To"]);
        var hook = JsonNode.Parse((await _webhook.WaitFor(r => r.Body.Contains("\"cpu\""))).Body)!;
        Assert.Equal("/hooks/slack", _webhook.Requests.First().Path);
        Assert.Equal("critical", hook["severity"]!.GetValue<string>());
        Assert.Equal("firing", hook["status"]!.GetValue<string>());
        Assert.StartsWith("[Shop CRITICAL]", hook["text"]!.GetValue<string>());

        await Task.Delay(1000); // many evaluations while still firing
        Assert.Equal(2, _smtp.Messages.Count(m => (m.Subject ?? "").StartsWith("[Shop CRITICAL] CPU")));
        Assert.Single(_webhook.Requests, r => r.Body.Contains("\"cpu\"") && r.Body.Contains("firing"));

        _signals.Cpu = 30;
        await _smtp.WaitFor(m => (m.Subject ?? "").StartsWith("[Shop RESOLVED] CPU usage is high"));
        await _webhook.WaitFor(r => r.Body.Contains("\"cpu\"") && r.Body.Contains("resolved"));
    }

    [Fact]
    public async Task High_memory_is_critical()
    {
        _signals.Memory = 99;
        await _smtp.WaitFor(m => (m.Subject ?? "").StartsWith("[Shop CRITICAL] Memory usage is high"));
        await _twilio.WaitFor(r => r.Form.GetValueOrDefault("Body", "").Contains("Memory usage is high"));
        _signals.Memory = 40;
        await _smtp.WaitFor(m => (m.Subject ?? "").StartsWith("[Shop RESOLVED] Memory usage is high"));
    }

    [Fact]
    public async Task A_high_error_rate_is_critical()
    {
        _signals.ErrorRate = 12.5;
        var email = await _smtp.WaitFor(m => (m.Subject ?? "").StartsWith("[Shop CRITICAL] API error rate is high"));
        Assert.Matches(@"API error rate is high / API 错误率过高: \d+(\.\d)?% \(threshold 5%\)", email.Subject);
        await _webhook.WaitFor(r => r.Body.Contains("\"error-rate\""));
        _signals.ErrorRate = 0;
        await _smtp.WaitFor(m => (m.Subject ?? "").StartsWith("[Shop RESOLVED] API error rate is high"));
    }

    [Fact]
    public async Task Slow_responses_are_a_warning_by_email_and_webhook_but_not_sms()
    {
        _signals.Latency = 800;

        await _smtp.WaitFor(m => (m.Subject ?? "").StartsWith("[Shop WARNING] API response time is slow"));
        var hook = JsonNode.Parse((await _webhook.WaitFor(r => r.Body.Contains("\"latency\""))).Body)!;
        Assert.Equal("warning", hook["severity"]!.GetValue<string>());
        await Task.Delay(500);
        Assert.Empty(_twilio.Requests);

        _signals.Latency = 100;
        await _smtp.WaitFor(m => (m.Subject ?? "").StartsWith("[Shop RESOLVED] API response time is slow"));
    }

    [Fact]
    public async Task An_unavailable_service_is_critical_at_once_and_resolved_when_it_returns()
    {
        _signals.Available = false;
        var email = await _smtp.WaitFor(m => (m.Subject ?? "").StartsWith("[Shop CRITICAL] Service unavailable"));
        Assert.Contains("failing checks: storage", email.Subject ?? "");
        await _twilio.WaitFor(r => r.Form.GetValueOrDefault("Body", "").Contains("Service unavailable"));

        _signals.Available = true;
        await _smtp.WaitFor(m => (m.Subject ?? "").StartsWith("[Shop RESOLVED] Service unavailable"));
    }
}
