using k8s;

namespace Shop.Grains.Tests.Hosting;

/// <summary>
/// deploy/k8s without a cluster: each manifest loads strictly into the Kubernetes client's typed
/// models (the package Orleans' Kubernetes hosting brings), so a misspelt or mistyped field fails here
/// as the API server would refuse it. What the fields say is checked by scripts/validate-k8s.py.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "deploy", "k8s");

    public static TheoryData<string> Manifests() => new(ManifestFiles());

    // Kustomizations are no API objects: validate-k8s.py checks them.
    private static IEnumerable<string> ManifestFiles() =>
        Directory.EnumerateFiles(Folder, "*.yaml", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(p) != "kustomization.yaml")
            .Select(p => Path.GetRelativePath(Folder, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Every_workload_file_is_loaded()
    {
        Assert.Equal(["api.yaml", "config.yaml", "migrate/job.yaml", "namespace.yaml", "rbac.yaml", "silo-hpa.yaml", "silo.yaml"],
            ManifestFiles());
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Each_object_is_a_known_kind_with_only_known_fields(string file)
    {
        var objects = Load(File.ReadAllText(Path.Combine(Folder, file)));

        Assert.NotEmpty(objects);
        foreach (var o in objects)
        {
            var entity = Assert.IsAssignableFrom<IKubernetesObject<k8s.Models.V1ObjectMeta>>(o);
            Assert.False(string.IsNullOrEmpty(entity.Metadata?.Name), $"{file}: {entity.Kind} without a name");
            // The models' own checks of required fields (a container without a name, ...).
            o.GetType().GetMethod("Validate", Type.EmptyTypes)?.Invoke(o, null);
        }
    }

    [Theory]
    [InlineData("terminationGracePeriodSeconds: 60", "terminationGracePeriodSecond: 60")]
    [InlineData("terminationGracePeriodSeconds: 60", "terminationGracePeriodSeconds: sixty")]
    [InlineData("apiVersion: apps/v1", "apiVersion: apps/v2")]
    public void A_misspelt_field_or_kind_is_refused(string good, string bad)
    {
        var text = File.ReadAllText(Path.Combine(Folder, "silo.yaml"));
        Assert.Contains(good, text);

        Assert.ThrowsAny<Exception>(() => Load(text.Replace(good, bad)));
    }

    private static List<object> Load(string yaml) => KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docker-compose.yml")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("docker-compose.yml not found above the test's folder.");
    }
}
