using Microsoft.Extensions.Configuration;

namespace Shop.Silo.Configuration;

/// <summary>
/// SILO_HOSTING=kubernetes (deploy/k8s/silo.yaml sets it): the silo runs as a pod and uses Orleans'
/// Kubernetes hosting. The silo is named after its pod and advertises the pod's IP, and the silos
/// watch the pods labelled with the cluster: a deleted pod's silo is declared dead at once instead of
/// after missed probes. Membership stays in the database. An explicit setting rather than guessing
/// from KUBERNETES_SERVICE_HOST: the pod watch needs RBAC that a cluster without deploy/k8s/rbac.yaml lacks.
/// </summary>
public static class KubernetesHosting
{
    public const string Setting = "SILO_HOSTING";

    // The variables Orleans' Kubernetes hosting reads (the downward API in deploy/k8s/silo.yaml).
    internal static readonly string[] PodVariables = ["POD_NAME", "POD_NAMESPACE", "POD_IP"];

    /// <summary>Whether SILO_HOSTING asks for Kubernetes hosting; any value but kubernetes or none is an error.</summary>
    public static bool IsEnabled(IConfiguration config) =>
        config[Setting]?.Trim().ToLowerInvariant() switch
        {
            null or "" => false,
            "kubernetes" => true,
            var other => throw new InvalidOperationException($"{Setting} must be kubernetes or unset; got '{other}'."),
        };

    /// <summary>What stops a silo from running under Kubernetes hosting, one line each (none when not asked for).</summary>
    public static List<string> Problems(IConfiguration config)
    {
        var problems = new List<string>();
        try
        {
            if (!IsEnabled(config))
            {
                return problems;
            }
        }
        catch (InvalidOperationException e)
        {
            problems.Add(e.Message);
            return problems;
        }

        if (string.IsNullOrWhiteSpace(config["KUBERNETES_SERVICE_HOST"]))
        {
            problems.Add($"{Setting}=kubernetes but KUBERNETES_SERVICE_HOST is not set: this process does not run in a Kubernetes pod.");
        }

        foreach (var name in PodVariables.Where(name => string.IsNullOrWhiteSpace(config[name])))
        {
            problems.Add($"{Setting}=kubernetes needs {name} from the downward API (see deploy/k8s/silo.yaml).");
        }

        // Pods come and go with new addresses: the silos find each other only through a membership table.
        var settings = SiloSettingsOrNull(config);
        if (settings?.Storage == StorageProvider.Memory)
        {
            problems.Add($"{Setting}=kubernetes needs a database (MONGO_URI or POSTGRES_CONNECTION): memory storage has no membership table.");
        }

        if (!string.IsNullOrWhiteSpace(config["POD_IP"]) && !System.Net.IPAddress.TryParse(config["POD_IP"], out _))
        {
            problems.Add($"POD_IP must be the pod's IP address, not '{config["POD_IP"]}'.");
        }

        // Orleans' Kubernetes hosting lets these override CLUSTER_ID / SERVICE_ID, and grain state is
        // keyed by the service id: only the shop's names, or the same values.
        var identities = settings is null ? [] : new[] { ("ORLEANS_CLUSTER_ID", "CLUSTER_ID", settings.ClusterId), ("ORLEANS_SERVICE_ID", "SERVICE_ID", settings.ServiceId) };
        foreach (var (orleans, shop, expected) in identities)
        {
            if (config[orleans]?.Trim() is { Length: > 0 } value && value != expected)
            {
                problems.Add($"{orleans} ({value}) differs from {shop} ({expected}): set {shop} only.");
            }
        }

        return problems;
    }

    // A malformed storage setting is reported by the storage rules, not twice.
    private static SiloSettings? SiloSettingsOrNull(IConfiguration config)
    {
        try
        {
            return SiloSettings.From(config);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
