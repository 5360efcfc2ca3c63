using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Shop.Silo.Configuration;
using Shop.Silo.Hosting;

namespace Shop.Grains.Tests.Hosting;

/// <summary>
/// CLUSTER_TLS_* as read at start: a node that could not take part in the cluster's mutual TLS (a
/// missing or unreadable file, a certificate the peers would refuse) is named before it starts, in
/// every environment; production refuses to run without it unless CLUSTER_TLS=off says so.
/// </summary>
public sealed class ClusterTlsSettingsTests : IDisposable
{
    private readonly TestCertificates _cluster = new("Shop cluster CA (settings tests)");
    private readonly TestCertificates _other = new("Another CA (settings tests)");

    public void Dispose()
    {
        _cluster.Dispose();
        _other.Dispose();
    }

    [Fact]
    public void Unset_or_off_asks_for_nothing()
    {
        Assert.Empty(ClusterTls.Problems(Config([]), silo: true));
        Assert.Null(ClusterTls.Load(Config([]), silo: true));
        // Off wins over certificate settings (compose passes the paths whether or not the files exist).
        Assert.Empty(ClusterTls.Problems(Config(new() { ["CLUSTER_TLS"] = "off", ["CLUSTER_TLS_CERT"] = "/nowhere/tls.crt" }), silo: true));
    }

    [Fact]
    public void A_node_certificate_of_the_cluster_CA_is_loaded_and_its_peers_judged_by_that_CA()
    {
        var tls = ClusterTls.Load(Config(_cluster.Node("silo")), silo: true);

        Assert.NotNull(tls);
        Assert.True(tls.Certificate.HasPrivateKey);
        Assert.True(tls.Trusts(Certificate(_cluster.Node("peer"))));
        Assert.False(tls.Trusts(Certificate(_other.Node("intruder"))));
        Assert.False(tls.Trusts(Certificate(_cluster.Node("expired", notAfter: DateTimeOffset.UtcNow.AddHours(-1)))));
    }

    [Fact]
    public void An_API_nodes_certificate_needs_client_authentication_only_a_silos_both()
    {
        var clientOnly = Config(_cluster.Node("api", usages: ["1.3.6.1.5.5.7.3.2"]));

        Assert.Empty(ClusterTls.Problems(clientOnly, silo: false));
        Assert.Contains("is not for serverAuth and clientAuth", Assert.Single(ClusterTls.Problems(clientOnly, silo: true)));
        Assert.Contains("is not for clientAuth", Assert.Single(ClusterTls.Problems(Config(_cluster.Node("web", usages: ["1.3.6.1.5.5.7.3.1"])), silo: false)));
    }

    [Theory]
    [InlineData("mode", "CLUSTER_TLS must be required or off.")]
    [InlineData("required without a certificate", "CLUSTER_TLS=required needs CLUSTER_TLS_CERT")]
    [InlineData("no CA", "CLUSTER_TLS_CERT needs CLUSTER_TLS_CA")]
    [InlineData("missing file", "cannot be loaded")]
    [InlineData("key of another certificate", "cannot be loaded")]
    [InlineData("CA file without a certificate", "holds no PEM certificate")]
    [InlineData("another CA", "is not valid under CLUSTER_TLS_CA")]
    [InlineData("expired", "is not valid under CLUSTER_TLS_CA")]
    public void Each_unusable_setting_is_named(string mistake, string expected)
    {
        var node = _cluster.Node("node");
        var settings = mistake switch
        {
            "mode" => new Dictionary<string, string?>(node) { ["CLUSTER_TLS"] = "on" },
            "required without a certificate" => new() { ["CLUSTER_TLS"] = "required" },
            "no CA" => new Dictionary<string, string?>(node) { ["CLUSTER_TLS_CA"] = null },
            "missing file" => new Dictionary<string, string?>(node) { ["CLUSTER_TLS_CERT"] = Path.Combine(_cluster.Folder, "missing.crt") },
            "key of another certificate" => new Dictionary<string, string?>(node) { ["CLUSTER_TLS_KEY"] = _cluster.Node("other")["CLUSTER_TLS_KEY"] },
            "CA file without a certificate" => new Dictionary<string, string?>(node) { ["CLUSTER_TLS_CA"] = node["CLUSTER_TLS_KEY"] },
            "another CA" => new Dictionary<string, string?>(_other.Node("node")) { ["CLUSTER_TLS_CA"] = _cluster.AuthorityPath },
            "expired" => _cluster.Node("old", notAfter: DateTimeOffset.UtcNow.AddMinutes(-5)),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };

        var problem = Assert.Single(ClusterTls.Problems(Config(settings), silo: true));
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void A_silo_with_an_unusable_certificate_is_not_built()
    {
        var settings = new Dictionary<string, string?>(_other.Node("node")) { ["CLUSTER_TLS_CA"] = _cluster.AuthorityPath, ["STORAGE_PROVIDER"] = "memory" };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            builder.UseOrleans(silo => silo.AddShopSilo(Config(settings)));
            builder.Build();
        });
        Assert.StartsWith("CLUSTER_TLS_CERT", e.Message);
    }

    [Fact]
    public void Production_needs_the_cluster_certificate_unless_CLUSTER_TLS_is_off()
    {
        var production = new Dictionary<string, string?>
        {
            ["POSTGRES_CONNECTION"] = "Host=db;Username=shop;Password=x;Database=shop",
            ["API_BASE_URL"] = "https://shop.example.com",
            ["SMTP_HOST"] = "smtp.example.com",
        };

        Assert.StartsWith("CLUSTER_TLS_CERT is not set: any program that reaches SILO_PORT or GATEWAY_PORT", Assert.Single(ProductionRules.ForSilo(Config(production))));
        Assert.Empty(ProductionRules.ForSilo(Config(new(production) { ["CLUSTER_TLS"] = "off" })));
        Assert.Empty(ProductionRules.ForSilo(Config(new(production) { ["CLUSTER_TLS_CERT"] = "/etc/shop/cluster-tls/tls.crt" })));
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate(Dictionary<string, string?> node) =>
        System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(node["CLUSTER_TLS_CERT"]!, node["CLUSTER_TLS_KEY"]);

    private static IConfiguration Config(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
