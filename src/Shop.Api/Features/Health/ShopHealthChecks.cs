using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;
using Shop.Grains.Health;

namespace Shop.Api.Features.Health;

/// <summary>The cluster answers: at least one silo is active.</summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        return hosts.Count > 0
            ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)")
            : HealthCheckResult.Unhealthy("No active silo");
    }
}

/// <summary>Grain storage takes a write and a read. Each API node probes its own key.</summary>
internal sealed class StorageHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private readonly string _probeKey = Environment.MachineName + "-" + Environment.ProcessId;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await grains.GetGrain<IStorageProbeGrain>(_probeKey).Probe().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        return HealthCheckResult.Healthy("write and read back");
    }
}
