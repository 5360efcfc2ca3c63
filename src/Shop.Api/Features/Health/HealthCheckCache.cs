using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Api.Features.Health;

/// <summary>
/// Each check's last result, reused for a few seconds: /api/health writes to storage, and a monitor
/// or a stranger calling it in a loop must not turn that into a write per call. Concurrent callers
/// share one run. The result says when it was taken (checkedAt).
/// </summary>
public sealed class HealthCheckCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    public const string CheckedAtKey = "checkedAt";

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public async Task<HealthCheckResult> Get(string name, Func<CancellationToken, Task<HealthCheckResult>> check, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(name, _ => new Entry());
        if (Fresh(entry) is { } cached)
        {
            return cached;
        }

        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(entry) is { } fresh)
            {
                return fresh;
            }

            var now = clock.GetUtcNow();
            HealthCheckResult result;
            try
            {
                result = await check(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                result = HealthCheckResult.Unhealthy(exception: e);
            }

            var data = new Dictionary<string, object>(result.Data) { [CheckedAtKey] = now };
            entry.Result = new HealthCheckResult(result.Status, result.Description, result.Exception, data);
            entry.At = now;
            return entry.Result.Value;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private HealthCheckResult? Fresh(Entry entry) => entry.Result is { } result && clock.GetUtcNow() - entry.At < MaxAge ? result : null;

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public HealthCheckResult? Result { get; set; }
        public DateTimeOffset At { get; set; }
    }
}
