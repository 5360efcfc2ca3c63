using Shop.Silo.Configuration;

namespace Shop.Api.Alerts;

public enum Severity
{
    Warning,
    Critical,
}

/// <summary>The runbook's thresholds and where alerts go; every number can be changed by environment.</summary>
public sealed record AlertOptions(
    double CpuPercent,
    double MemoryPercent,
    double ErrorRatePercent,
    double LatencyMs,
    TimeSpan Window,
    TimeSpan Cooldown,
    TimeSpan EvaluationInterval,
    int MinRequestsForRates,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> SmsTo,
    Uri? WebhookUrl)
{
    public static AlertOptions Read(IConfiguration config) => new(
        Number(config, "ALERT_CPU_PERCENT", 90),
        Number(config, "ALERT_MEMORY_PERCENT", 95),
        Number(config, "ALERT_ERROR_RATE_PERCENT", 5),
        Number(config, "ALERT_LATENCY_MS", 500),
        Duration(config, "ALERT_WINDOW", "5m"),
        Duration(config, "ALERT_COOLDOWN", "30m"),
        Duration(config, "ALERT_EVALUATION_INTERVAL", "15s"),
        (int)Number(config, "ALERT_MIN_REQUESTS", 20),
        List(config, "ALERT_EMAILS"),
        List(config, "ALERT_SMS_TO"),
        Uri.TryCreate(config["ALERT_WEBHOOK_URL"], UriKind.Absolute, out var url) ? url : null);

    private static double Number(IConfiguration config, string name, double fallback) =>
        config[name] is not { Length: > 0 } raw ? fallback
        : double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new InvalidOperationException($"{name} must be a positive number; got '{raw}'.");

    private static TimeSpan Duration(IConfiguration config, string name, string fallback) =>
        Durations.Parse(config[name] is { Length: > 0 } raw ? raw : fallback, name);

    private static string[] List(IConfiguration config, string name) =>
        (config[name] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
