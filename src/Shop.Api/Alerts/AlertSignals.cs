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
        // In a container the cgroup's own usage and quota count, not the host's.
        if (ContainerLimits.CpuUsage() is { } usage)
        {
            var now = clock.GetUtcNow();
            var previous = _lastProcess;
            _lastProcess = (usage, now);
            return previous is { } p && now > p.At
                ? 100.0 * (usage - p.Cpu).TotalMilliseconds / ((now - p.At).TotalMilliseconds * ContainerLimits.Cpus())
                : null;
        }

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

        return null;
    }

    private static double? MemoryPercent()
    {
        if (ContainerLimits.MemoryPercent() is { } container)
        {
            return container;
        }

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

/// <summary>
/// cgroup v2 figures when this process runs in a container with limits: CPU used by the cgroup,
/// the CPUs its quota allows, and memory used against its memory limit. Null outside such a cgroup.
/// </summary>
internal static class ContainerLimits
{
    private const string Root = "/sys/fs/cgroup";

    public static TimeSpan? CpuUsage()
    {
        if (!HasCpuQuota())
        {
            return null;
        }

        var line = File.ReadLines(Path.Combine(Root, "cpu.stat")).FirstOrDefault(l => l.StartsWith("usage_usec ", StringComparison.Ordinal));
        return line is null ? null : TimeSpan.FromMicroseconds(long.Parse(line["usage_usec ".Length..]));
    }

    public static double Cpus()
    {
        var parts = File.ReadAllText(Path.Combine(Root, "cpu.max")).Trim().Split(' ');
        return parts[0] == "max" ? Environment.ProcessorCount : Math.Max(0.01, double.Parse(parts[0]) / double.Parse(parts[1]));
    }

    public static double? MemoryPercent()
    {
        var max = Path.Combine(Root, "memory.max");
        var current = Path.Combine(Root, "memory.current");
        if (!File.Exists(max) || !File.Exists(current) || File.ReadAllText(max).Trim() is "max" or "")
        {
            return null;
        }

        return 100.0 * long.Parse(File.ReadAllText(current).Trim()) / long.Parse(File.ReadAllText(max).Trim());
    }

    private static bool HasCpuQuota()
    {
        var max = Path.Combine(Root, "cpu.max");
        return File.Exists(max) && File.Exists(Path.Combine(Root, "cpu.stat")) && !File.ReadAllText(max).StartsWith("max", StringComparison.Ordinal);
    }
}
