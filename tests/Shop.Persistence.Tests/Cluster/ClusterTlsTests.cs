using Shop.Grains.Tests.Support;
using Xunit.Abstractions;

namespace Shop.Persistence.Tests.Cluster;

/// <summary>
/// Real silo and API processes on PostgreSQL with CLUSTER_TLS_* (one node certificate of a throwaway
/// cluster CA, as docker-compose mounts one): the silos form a cluster over TLS, the API node reaches
/// them, and each silo's silo and gateway ports refuse a TLS client without a certificate.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterTlsTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Silos_and_an_API_node_with_the_cluster_certificate_serve_the_shop_and_refuse_strangers()
    {
        using var certificates = new TestCertificates("Shop cluster CA (cluster tests)");
        var settings = certificates.Node("node").ToDictionary(s => s.Key, s => s.Value!);
        var store = await ClusterStores.Postgres(postgres, "clustertls");
        await LocalShopCluster.RunAsync(store, silos: 2, settings, TimeSpan.FromMinutes(3), output, async (cluster, ct) =>
        {
            using var api = new ShopHttp(cluster.ApiUrl);
            var admin = (await api.Login(LocalShopCluster.AdminEmail, LocalShopCluster.AdminPassword, ct)).Expect("admin login").Token;
            (await api.CreateProduct(admin, "Product over TLS", 990, 3, ct)).Expect("create a product");

            // Both silos joined: silo to silo over TLS too.
            using var http = new HttpClient();
            var health = "";
            for (var i = 0; i < 60 && !health.Contains("2 active silo(s)"); i++)
            {
                await Task.Delay(500, ct);
                health = await http.GetStringAsync(new Uri(cluster.ApiUrl, "/api/health"), ct);
            }

            Assert.Contains("2 active silo(s)", health);
            foreach (var (silo, gateway) in cluster.SiloPorts)
            {
                Assert.Null(await TestCertificates.AcceptsWithoutCertificate(silo));
                Assert.Null(await TestCertificates.AcceptsWithoutCertificate(gateway));
            }
        });
    }
}
