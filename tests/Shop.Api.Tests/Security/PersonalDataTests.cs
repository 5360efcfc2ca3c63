using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Security;

/// <summary>
/// Email addresses stay out of logs and traces: a registration, sign-ins and forgotten passwords (of
/// a known and an unknown address), and the admin account made at start, at the most verbose
/// documented LOG_LEVEL, with the Orleans and ASP.NET Core logs, every span of the process and the
/// spans exported over OTLP.
/// </summary>
public sealed class PersonalDataTests : IAsyncLifetime
{
    // Distinct local parts, searched for without the domain and in any case, so a partial or
    // re-cased address is found too.
    private readonly string _shopper = $"pii-shopper-{Guid.NewGuid():N}";
    private readonly string _stranger = $"pii-stranger-{Guid.NewGuid():N}";
    private readonly string _admin = $"pii-admin-{Guid.NewGuid():N}";
    private readonly CapturedLogs _logs = new();
    private CapturedSpans _spans = null!;
    private HttpRecorder _collector = null!;
    private ShopApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _spans = new CapturedSpans();
        _collector = await HttpRecorder.StartAsync(200, "");
        _factory = new ShopApiFactory { Replace = services => services.AddSingleton<ILoggerProvider>(_logs) };
        _factory.Settings["LOG_LEVEL"] = "debug";
        _factory.Settings["ADMIN_EMAIL"] = $"{_admin}@Example.com";
        _factory.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = _collector.BaseUrl;
        _factory.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        _factory.Settings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _collector.DisposeAsync();
        _spans.Dispose();
    }

    [Fact]
    public async Task No_log_line_or_span_of_registration_sign_in_or_a_forgotten_password_contains_the_address()
    {
        var http = _factory.CreateClient();
        var email = $"{_shopper}@example.com";
        await Expect.Status(await http.PostAsJsonAsync("/api/auth/register", new { email = $" {_shopper.ToUpperInvariant()}@Example.com", password = "password-1", name = "隐私" }), HttpStatusCode.Created);
        await Expect.Status(await http.PostAsJsonAsync("/api/auth/register", new { email, password = "password-1", name = "again" }), HttpStatusCode.Conflict);
        await Expect.Status(await http.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-password" }), HttpStatusCode.Unauthorized);
        await Expect.Status(await http.PostAsJsonAsync("/api/auth/login", new { email, password = "password-1" }), HttpStatusCode.OK);
        await Expect.Status(await http.PostAsJsonAsync("/api/auth/forgot-password", new { email = $"{_stranger}@example.com" }), HttpStatusCode.Accepted);
        await Expect.Status(await http.PostAsJsonAsync("/api/auth/forgot-password", new { email }), HttpStatusCode.Accepted);
        // Requests are looked up in order, so the shopper's link means the stranger's was looked up too.
        await _factory.Emails.WaitFor(email, "password-reset");

        // The spans of these calls reached the collector (HTTP and the email index's grain calls).
        await _collector.WaitFor(r => r.Path == "/v1/traces" && r.Body.Contains("/api/auth/forgot-password"), TimeSpan.FromSeconds(20));
        await _collector.WaitFor(r => r.Path == "/v1/traces" && r.Body.Contains("BeginLoginAttempt"), TimeSpan.FromSeconds(20));
        await Task.Delay(1000);

        // The capture works: it holds the index's grain calls and the framework's debug lines.
        Assert.Contains(_spans.Spans, s => s.Contains("BeginLoginAttempt", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && l.Contains("Debug", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.StartsWith("Orleans", StringComparison.Ordinal));
        var texts = _logs.Lines.Select(l => "log: " + l)
            .Concat(_spans.Spans.Select(s => "span: " + s))
            .Concat(_collector.Requests.Select(r => $"exported to {r.Path}: {r.Body}"))
            .ToList();
        var leaks = texts.Where(text => new[] { _shopper, _stranger, _admin }.Any(a => text.Contains(a, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} of {texts.Count} log lines and spans hold an address:\n" + string.Join("\n", leaks));
    }
}
