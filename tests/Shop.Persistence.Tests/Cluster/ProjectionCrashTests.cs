using Npgsql;
using Xunit.Abstractions;

namespace Shop.Persistence.Tests.Cluster;

/// <summary>
/// The admin order list catches up by itself after a crash: the silo is killed while an order's
/// row is being written (the write held up by a lock the test takes on the table), so the order is
/// stored and its row is not; a silo started afterwards writes the row from the order's events.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProjectionCrashTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(2);

    [SkippableFact]
    public async Task An_order_whose_silo_dies_before_its_list_row_is_written_reaches_the_list_after_a_restart()
    {
        var store = await ClusterStores.Postgres(postgres, "projection");
        var settings = new Dictionary<string, string> { ["ORDER_RETRY_PERIOD"] = $"{RetryPeriod.TotalSeconds}s" };
        await LocalShopCluster.RunAsync(store, silos: 1, settings, TimeSpan.FromMinutes(3), output, async (cluster, ct) =>
        {
            await using var database = NpgsqlDataSource.Create(store["POSTGRES_CONNECTION"]);
            using var api = new ShopHttp(cluster.ApiUrl);
            var admin = (await api.Login(LocalShopCluster.AdminEmail, LocalShopCluster.AdminPassword, ct)).Expect("admin login").Token;
            var product = (await api.CreateProduct(admin, "Projection Lamp", 2990, 5, ct)).Expect("create a product").Id;
            var shopper = (await api.Register($"projection-{Guid.NewGuid():N}@test.shop", "shopper-password", ct)).Expect("register");
            (await api.AddToCart(shopper.Token, product, 1, ct)).Expect("add to cart");

            string orderId;
            await using (var connection = await database.OpenConnectionAsync(ct))
            await using (var held = await connection.BeginTransactionAsync(ct))
            {
                await using (var lockTable = new NpgsqlCommand("LOCK TABLE shop_orders IN EXCLUSIVE MODE", connection, held))
                {
                    await lockTable.ExecuteNonQueryAsync(ct);
                }

                // The checkout answers at once: the order's row is written after, and waits on the lock.
                orderId = (await api.Checkout(shopper.Token, "projection-1", ct)).Expect("checkout").Id;
                await WaitUntil(async () => await Scalar(database, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO shop_orders%'", ct) > 0,
                    "the row's write to wait on the lock", ct);
                cluster.KillSilo(0);

                // PostgreSQL would finish the dead client's statement once the lock goes: end it, so the
                // write is lost with the process, as a crash before the write reached the server loses it.
                await Scalar(database, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO shop_orders%'", ct);
                await held.RollbackAsync(ct);
            }

            Assert.Equal(0, await Scalar(database, $"SELECT count(*) FROM shop_orders WHERE order_id = '{orderId}'", ct));
            await cluster.StartSiloAsync(ct);

            // The new silo joins once the dead one's heartbeat is stale (30 s); the order's reminder then writes the row.
            await WaitUntil(async () => await Scalar(database, $"SELECT count(*) FROM shop_orders WHERE order_id = '{orderId}' AND status = 0 AND version = 1", ct) == 1,
                "the order's row in the admin list", ct, TimeSpan.FromSeconds(90));
        });
    }

    private static async Task<long> Scalar(NpgsqlDataSource database, string sql, CancellationToken ct)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task WaitUntil(Func<Task<bool>> condition, string what, CancellationToken ct, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(200, ct);
        }
    }
}
