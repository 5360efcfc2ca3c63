using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;
using Shop.Grains.Common;
using Shop.Grains.Health;

namespace Shop.Api.Features.Health;

/// <summary>The cluster answers: at least one silo is active.</summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains, HealthCheckCache cache) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        cache.Get("cluster", Check, cancellationToken);

    private async Task<HealthCheckResult> Check(CancellationToken cancellationToken)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        return hosts.Count > 0
            ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)")
            : HealthCheckResult.Unhealthy("No active silo");
    }
}

/// <summary>Grain storage takes a write and a read. Each API node probes its own key.</summary>
internal sealed class StorageHealthCheck(IGrainFactory grains, HealthCheckCache cache) : IHealthCheck
{
    private static readonly string ProbeKey = Environment.MachineName + "-" + Environment.ProcessId;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        cache.Get("storage", Check, cancellationToken);

    private async Task<HealthCheckResult> Check(CancellationToken cancellationToken)
    {
        await grains.Get<IStorageProbeGrain>(ProbeKey).Probe().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        return HealthCheckResult.Healthy("write and read back");
    }
}
