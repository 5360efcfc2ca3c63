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

    /// <summary>
    /// Npgsql's own meter on /metrics of a silo and of an API node (which reads the cluster's gateways
    /// and the admin order list from PostgreSQL): pool use and size, and command durations.
    /// </summary>
    [SkippableFact]
    public async Task Silos_and_API_nodes_export_Npgsqls_pool_and_command_metrics()
    {
        var store = await ClusterStores.Postgres(postgres, "npgsqlmetrics");
        await LocalShopCluster.RunAsync(store, silos: 1, settings: null, TimeSpan.FromMinutes(2), output, async (cluster, ct) =>
        {
            using var api = new ShopHttp(cluster.ApiUrl);
            var admin = (await api.Login(LocalShopCluster.AdminEmail, LocalShopCluster.AdminPassword, ct)).Expect("admin login").Token;
            (await api.CreateProduct(admin, "Npgsql metrics product", 990, 3, ct)).Expect("create a product");

            using var http = new HttpClient();
            foreach (var (node, url) in new[] { ("silo", cluster.SiloMetrics[0]), ("API node", new Uri(cluster.ApiUrl, "/metrics")) })
            {
                var metrics = await http.GetStringAsync(url, ct);
                output.WriteLine($"{node}: {string.Join(", ", metrics.Split('\n').Where(l => l.StartsWith("db_client_", StringComparison.Ordinal)).Select(l => l.Split('{', ' ')[0]).Distinct())}");

                // Connections in use and idle per pool, the pool's maximum, and how long commands took.
                Assert.Matches(@"(?m)^db_client_connection_count\{[^}]*db_client_connection_state=""used""", metrics);
                Assert.Matches(@"(?m)^db_client_connection_count\{[^}]*db_client_connection_state=""idle""", metrics);
                Assert.Matches(@"(?m)^db_client_connection_max\{[^}]*\} [1-9]", metrics);
                Assert.Matches(@"(?m)^db_client_operation_duration_seconds_count\{[^}]*\} [1-9]", metrics);
            }
        });
    }
}
