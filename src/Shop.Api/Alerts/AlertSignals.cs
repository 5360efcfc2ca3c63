using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Api.Alerts;

/// <summary>Where the alert monitor reads its measurements; tests put their own numbers in.</summary>
public interface IAlertSignals
{
    Task<Measurement> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The machine's CPU and memory use (Linux /proc, else this process), the API's error rate and
/// latency from <see cref="RequestStats"/>, and the health checks for availability.
/// </summary>
internal sealed class SystemSignals(RequestStats requests, HealthCheckService health, AlertOptions options, TimeProvider clock) : IAlertSignals
{
    private (long Busy, long Total)? _lastCpu;
    private (TimeSpan Cpu, DateTimeOffset At)? _lastProcess;

    public async Task<Measurement> ReadAsync(CancellationToken cancellationToken)
    {
        var (errorRate, latency) = requests.Summarize(options.Window, options.MinRequestsForRates);
        var report = await health.CheckHealthAsync(c => c.Tags.Contains("ready"), cancellationToken);
        var failed = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key).ToList();
        return new Measurement(clock.GetUtcNow(), CpuPercent(), MemoryPercent(), errorRate, latency,
            failed.Count == 0, failed.Count == 0 ? null : "failing checks: " + string.Join(", ", failed));
    }

    private double? CpuPercent()
    {
        if (File.Exists("/proc/stat"))
        {
            // cpu  user nice system idle iowait irq softirq steal ...
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
            var total = fields.Sum();
            var previous = _lastCpu;
            _lastCpu = (total - idle, total);
            return previous is { } p && total > p.Total ? 100.0 * (total - idle - p.Busy) / (total - p.Total) : null;
        }

        var now = clock.GetUtcNow();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var last = _lastProcess;
        _lastProcess = (cpu, now);
        return last is { } l && now > l.At ? 100.0 * (cpu - l.Cpu).TotalMilliseconds / ((now - l.At).TotalMilliseconds * Environment.ProcessorCount) : null;
    }

    private static double? MemoryPercent()
    {
        if (File.Exists("/proc/meminfo"))
        {
            var values = File.ReadLines("/proc/meminfo")
                .Select(l => l.Split(':', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => long.Parse(p[1].Trim().Split(' ')[0]));
            if (values.TryGetValue("MemTotal", out var total) && values.TryGetValue("MemAvailable", out var available) && total > 0)
            {
                return 100.0 * (total - available) / total;
            }
        }

        var gc = GC.GetGCMemoryInfo();
        return gc.TotalAvailableMemoryBytes > 0 ? 100.0 * gc.MemoryLoadBytes / gc.TotalAvailableMemoryBytes : null;
    }
}
