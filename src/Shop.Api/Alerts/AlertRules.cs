namespace Shop.Api.Alerts;

/// <summary>What the signals read at one moment.</summary>
public sealed record Measurement(
    DateTimeOffset At,
    double? CpuPercent,
    double? MemoryPercent,
    double? ErrorRatePercent,
    double? MeanLatencyMs,
    bool ServiceAvailable,
    string? UnavailableDetail = null);

/// <summary>
/// One of the runbook's rules: its value over the window (the mean of the samples in it) against its
/// threshold. Service availability fires on the latest sample alone: an outage should not wait.
/// </summary>
public sealed record AlertRule(
    string Id,
    string Title,
    string TitleZh,
    Severity Severity,
    double Threshold,
    string Unit,
    Func<Measurement, double?> Read,
    bool LatestOnly = false)
{
    public static IReadOnlyList<AlertRule> FromOptions(AlertOptions o) =>
    [
        new("cpu", "CPU usage is high", "CPU 使用率过高", Severity.Critical, o.CpuPercent, "%", m => m.CpuPercent),
        new("memory", "Memory usage is high", "内存使用率过高", Severity.Critical, o.MemoryPercent, "%", m => m.MemoryPercent),
        new("error-rate", "API error rate is high", "API 错误率过高", Severity.Critical, o.ErrorRatePercent, "%", m => m.ErrorRatePercent),
        new("latency", "API response time is slow", "API 响应时间过长", Severity.Warning, o.LatencyMs, "ms", m => m.MeanLatencyMs),
        new("unavailable", "Service unavailable", "服务不可用", Severity.Critical, 0.5, "", m => m.ServiceAvailable ? 0 : 1, LatestOnly: true),
    ];
}

/// <summary>A notification to send: an alert firing (again, after its cool-down) or resolved.</summary>
public sealed record AlertNotice(AlertRule Rule, bool Resolved, double Value, DateTimeOffset At, string? Detail);
