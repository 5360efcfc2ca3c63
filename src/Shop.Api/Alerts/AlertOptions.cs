using System.ComponentModel.DataAnnotations;
using Shop.Silo.Configuration;

namespace Shop.Api.Alerts;

public enum Severity
{
    Warning,
    Critical,
}

/// <summary>The runbook's thresholds and where alerts go; every number can be changed by environment.</summary>
public sealed class AlertOptions
{
    [ConfigurationKeyName("ALERT_CPU_PERCENT")]
    [Range(double.Epsilon, double.MaxValue, ErrorMessage = "ALERT_CPU_PERCENT must be a positive number.")]
    public double CpuPercent { get; set; } = 90;

    [ConfigurationKeyName("ALERT_MEMORY_PERCENT")]
    [Range(double.Epsilon, double.MaxValue, ErrorMessage = "ALERT_MEMORY_PERCENT must be a positive number.")]
    public double MemoryPercent { get; set; } = 95;

    [ConfigurationKeyName("ALERT_ERROR_RATE_PERCENT")]
    [Range(double.Epsilon, double.MaxValue, ErrorMessage = "ALERT_ERROR_RATE_PERCENT must be a positive number.")]
    public double ErrorRatePercent { get; set; } = 5;

    [ConfigurationKeyName("ALERT_LATENCY_MS")]
    [Range(double.Epsilon, double.MaxValue, ErrorMessage = "ALERT_LATENCY_MS must be a positive number.")]
    public double LatencyMs { get; set; } = 500;

    [ConfigurationKeyName("ALERT_WINDOW")]
    public Duration Window { get; set; } = Duration.Minutes(5);

    [ConfigurationKeyName("ALERT_COOLDOWN")]
    public Duration Cooldown { get; set; } = Duration.Minutes(30);

    [ConfigurationKeyName("ALERT_EVALUATION_INTERVAL")]
    public Duration EvaluationInterval { get; set; } = Duration.Minutes(0.25);

    [ConfigurationKeyName("ALERT_MIN_REQUESTS")]
    [Range(1, int.MaxValue, ErrorMessage = "ALERT_MIN_REQUESTS must be at least 1.")]
    public int MinRequestsForRates { get; set; } = 20;

    /// <summary>ALERT_EMAILS and ALERT_SMS_TO: comma-separated lists.</summary>
    [ConfigurationKeyName("ALERT_EMAILS")]
    public string? EmailList { get; set; }

    [ConfigurationKeyName("ALERT_SMS_TO")]
    public string? SmsList { get; set; }

    [ConfigurationKeyName("ALERT_WEBHOOK_URL")]
    [AbsoluteUrl(ErrorMessage = "ALERT_WEBHOOK_URL must be an absolute URL.")]
    public Uri? WebhookUrl { get; set; }

    public IReadOnlyList<string> Emails => Split(EmailList);

    public IReadOnlyList<string> SmsTo => Split(SmsList);

    private static string[] Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
