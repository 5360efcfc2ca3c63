using System.Diagnostics;
using Xunit.Abstractions;

namespace Shop.Persistence.Tests.Cluster;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFullRestartTests(PostgresFixture postgres, ITestOutputHelper output) : FullRestartTests(output)
{
    protected override Task<IReadOnlyDictionary<string, string>> Store() => ClusterStores.Postgres(postgres, "restart");
}

[Collection(Mongo.MongoCollection.Name)]
public sealed class MongoFullRestartTests(Mongo.MongoFixture mongo, ITestOutputHelper output) : FullRestartTests(output)
{
    protected override Task<IReadOnlyDictionary<string, string>> Store() => ClusterStores.Mongo(mongo, "restart");
}

/// <summary>
/// Every process of a cluster stops and starts again: accounts, carts, orders and stock are as they
/// were, and an order whose payment deadline passed while nothing ran is cancelled by its reminder
/// after the restart, with its stock returned once.
/// </summary>
public abstract class FullRestartTests(ITestOutputHelper output)
{
    // Long enough to place the data and stop every process before the unpaid order's deadline.
    private static readonly TimeSpan PaymentTimeout = TimeSpan.FromSeconds(12);

    // The reminder is due at the deadline and then every minute (ShopRulesOptions.RetryPeriod), so a
    // tick missed while the cluster was down comes at most a minute later.
    private static readonly TimeSpan ReminderBound = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);

    /// <summary>A fresh migrated database, or a skip when there is none.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string>> Store();

    [SkippableFact]
    public async Task After_a_full_restart_accounts_carts_orders_and_stock_are_intact_and_an_overdue_order_is_cancelled_by_its_reminder()
    {
        var settings = new Dictionary<string, string> { ["PAYMENT_TIMEOUT"] = $"{PaymentTimeout.TotalSeconds}s" };
        await LocalShopCluster.RunAsync(await Store(), silos: 2, settings, Budget, output, Scenario);
    }

    private async Task Scenario(LocalShopCluster cluster, CancellationToken ct)
    {
        string admin, a, b, c, d;
        Auth alice, bob, carol;
        Order paid, shipped, unpaid;
        using (var api = new ShopHttp(cluster.ApiUrl))
        {
            admin = (await api.Login(LocalShopCluster.AdminEmail, LocalShopCluster.AdminPassword, ct)).Expect("admin login").Token;
            a = (await api.CreateProduct(admin, "Restart A", 1990, 50, ct)).Expect("create A").Id;
            b = (await api.CreateProduct(admin, "Restart B", 2990, 40, ct)).Expect("create B").Id;
            c = (await api.CreateProduct(admin, "Restart C", 3990, 30, ct)).Expect("create C").Id;
            d = (await api.CreateProduct(admin, "Restart D", 4990, 10, ct)).Expect("create D").Id;
            (await api.SetStock(admin, c, 25, ct)).Expect("set the stock of C");

            alice = (await api.Register(Email("alice"), "alice-password", ct)).Expect("register alice");
            bob = (await api.Register(Email("bob"), "bob-password", ct)).Expect("register bob");
            carol = (await api.Register(Email("carol"), "carol-password", ct)).Expect("register carol");

            // Alice pays for an order and leaves one thing in her cart.
            paid = await PlaceOrder(api, alice.Token, [(a, 2), (b, 1)], ct);
            paid = (await api.Pay(alice.Token, paid.Id, ct)).Expect("alice pays");
            (await api.AddToCart(alice.Token, a, 1, ct)).Expect("alice's cart");

            // Bob's order is paid and shipped; his cart keeps two lines.
            shipped = await PlaceOrder(api, bob.Token, [(b, 3)], ct);
            (await api.Pay(bob.Token, shipped.Id, ct)).Expect("bob pays");
            shipped = (await api.Ship(admin, shipped.Id, ct)).Expect("ship bob's order");
            (await api.AddToCart(bob.Token, c, 2, ct)).Expect("bob's cart");
            (await api.AddToCart(bob.Token, d, 1, ct)).Expect("bob's cart");

            // Carol never pays: her order's deadline passes while the cluster is down.
            unpaid = await PlaceOrder(api, carol.Token, [(d, 4)], ct);
            Assert.Equal(6, (await api.Product(d, ct)).Expect("D").Stock);
        }

        var deadline = DeadlineOf(unpaid);
        await cluster.StopAllAsync();
        Assert.True(DateTimeOffset.UtcNow < deadline, "The cluster stopped after the payment deadline; raise PaymentTimeout.");
        output.WriteLine($"stopped every process {(deadline - DateTimeOffset.UtcNow).TotalSeconds:0.0} s before the payment deadline");
        await Task.Delay(deadline - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1), ct);

        var restart = Stopwatch.StartNew();
        await cluster.RestartAsync(ct);
        output.WriteLine($"restarted 2 silos and the API node in {restart.Elapsed.TotalSeconds:0.0} s, {(DateTimeOffset.UtcNow - deadline).TotalSeconds:0.0} s past the deadline");
        using (var api = new ShopHttp(cluster.ApiUrl))
        {
            // Accounts: the passwords work, and tokens issued before the restart still do (same JWT_SECRET).
            foreach (var (who, password) in new[] { (alice, "alice-password"), (bob, "bob-password"), (carol, "carol-password") })
            {
                (await api.Login(who.User.Email, password, ct)).Expect($"log in as {who.User.Email}");
                Assert.True((await api.Me(who.Token, ct)).Acknowledged, $"the token of {who.User.Email} from before the restart");
            }

            AssertLines([(a, 1)], (await api.GetCart(alice.Token, ct)).Expect("alice's cart").Items);
            AssertLines([(c, 2), (d, 1)], (await api.GetCart(bob.Token, ct)).Expect("bob's cart").Items);
            Assert.Empty((await api.GetCart(carol.Token, ct)).Expect("carol's cart").Items);

            var paidNow = (await api.GetOrder(alice.Token, paid.Id, ct)).Expect("alice's order");
            Assert.Equal("Paid", paidNow.Status);
            AssertLines([(a, 2), (b, 1)], paidNow.Items);
            var shippedNow = (await api.GetOrder(bob.Token, shipped.Id, ct)).Expect("bob's order");
            Assert.Equal("Shipped", shippedNow.Status);
            AssertLines([(b, 3)], shippedNow.Items);

            Assert.Equal(48, (await api.Product(a, ct)).Expect("A").Stock);
            Assert.Equal(36, (await api.Product(b, ct)).Expect("B").Stock);
            Assert.Equal(25, (await api.Product(c, ct)).Expect("C").Stock);

            // The catalog index reloads in the background from the registry and the stored products
            // (a page at a time): within seconds the list and search find every product with its stock.
            var reloading = Stopwatch.StartNew();
            Page<Product> listed;
            while ((listed = (await api.Send<Page<Product>>(HttpMethod.Get, "/api/products?q=Restart&pageSize=100", null, ct: ct)).Expect("search")).Items.Count < 4)
            {
                Assert.True(reloading.Elapsed < TimeSpan.FromSeconds(30), $"The catalog showed {listed.Items.Count} of 4 products 30 s after the restart.");
                await Task.Delay(250, ct);
            }

            output.WriteLine($"the catalog index listed every product {reloading.Elapsed.TotalSeconds:0.0} s after the restart");
            Assert.Equal([(a, 48), (b, 36), (c, 25)], listed.Items.Where(p => p.Id != d).Select(p => (p.Id, p.Stock)).OrderBy(p => p.Id == a ? 0 : p.Id == b ? 1 : 2));

            // Watch the product only: reading the order would cancel it on the spot and hide the reminder's work.
            var waited = Stopwatch.StartNew();
            while ((await api.Product(d, ct)).Expect("D").Stock != 10)
            {
                Assert.True(waited.Elapsed < ReminderBound, $"The overdue order's stock did not come back within {ReminderBound.TotalSeconds:0} s of the restart.");
                await Task.Delay(500, ct);
            }

            output.WriteLine($"the reminder cancelled the overdue order and returned its stock {waited.Elapsed.TotalSeconds:0.0} s after the restart " +
                $"({(DateTimeOffset.UtcNow - deadline).TotalSeconds:0.0} s past the deadline)");
            var cancelled = (await api.GetOrder(carol.Token, unpaid.Id, ct)).Expect("carol's order");
            Assert.Equal("Cancelled", cancelled.Status);
            AssertLines([(d, 4)], cancelled.Items);

            // Returned once: still 10 after another look.
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            Assert.Equal(10, (await api.Product(d, ct)).Expect("D").Stock);
        }
    }

    private static async Task<Order> PlaceOrder(ShopHttp api, string token, (string Product, int Quantity)[] lines, CancellationToken ct)
    {
        foreach (var (product, quantity) in lines)
        {
            (await api.AddToCart(token, product, quantity, ct)).Expect("add to the cart");
        }

        return (await api.Checkout(token, Guid.NewGuid().ToString("N"), ct)).Expect("check out");
    }

    private static DateTimeOffset DeadlineOf(Order order) => order.PaymentDeadline
        ?? throw new InvalidOperationException("The order has no paymentDeadline.");

    private static void AssertLines((string Product, int Quantity)[] expected, List<Line> actual) =>
        Assert.Equal(expected.Select(l => new Line(l.Product, l.Quantity)).OrderBy(l => l.ProductId), actual.OrderBy(l => l.ProductId));

    private static string Email(string name) => $"{name}-{Guid.NewGuid():N}@example.com";
}
