using Xunit.Abstractions;

namespace Shop.Persistence.Tests.Cluster;

/// <summary>
/// A standalone silo started with METRICS_PORT, as docker-compose.yml starts every silo, comes up and
/// serves /metrics with the shop's business counters and the Orleans, runtime and process metrics.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloMetricsTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_silo_with_METRICS_PORT_serves_business_orleans_and_process_metrics()
    {
        var store = await ClusterStores.Postgres(postgres, "metrics");
        await LocalShopCluster.RunAsync(store, silos: 1, settings: null, TimeSpan.FromMinutes(2), output, async (cluster, ct) =>
        {
            using var api = new ShopHttp(cluster.ApiUrl);
            var admin = (await api.Login(LocalShopCluster.AdminEmail, LocalShopCluster.AdminPassword, ct)).Expect("admin login").Token;
            var product = (await api.CreateProduct(admin, "Metrics product", 1990, 5, ct)).Expect("create a product").Id;
            var shopper = (await api.Register($"metrics-{Guid.NewGuid():N}@cluster.test", "shopper-password", ct)).Expect("register").Token;
            (await api.AddToCart(shopper, product, 2, ct)).Expect("add to the cart");
            (await api.Checkout(shopper, Guid.NewGuid().ToString("N"), ct)).Expect("check out");

            using var http = new HttpClient();
            var metrics = await http.GetStringAsync(cluster.SiloMetrics[0], ct);

            // The order grain ran on the silo, so its counter is the silo's.
            Assert.Matches(@"(?m)^shop_orders_placed(_order)?_total(\{[^}]*\})? 1(\.0)?( |$)", metrics);
            Assert.Contains("orleans_", metrics);
            Assert.Contains("process_", metrics);
            Assert.Contains("dotnet_", metrics);
        });
    }
}
