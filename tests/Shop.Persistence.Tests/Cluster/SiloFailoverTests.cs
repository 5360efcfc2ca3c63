using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace Shop.Persistence.Tests.Cluster;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSiloFailoverTests(PostgresFixture postgres, ITestOutputHelper output) : SiloFailoverTests(output)
{
    protected override Task<IReadOnlyDictionary<string, string>> Store() => ClusterStores.Postgres(postgres, "failover");
}

[Collection(Mongo.MongoCollection.Name)]
public sealed class MongoSiloFailoverTests(Mongo.MongoFixture mongo, ITestOutputHelper output) : SiloFailoverTests(output)
{
    protected override Task<IReadOnlyDictionary<string, string>> Store() => ClusterStores.Mongo(mongo, "failover");
}

/// <summary>
/// Three real silos and an API node on a database; a dozen shoppers fill carts and check out
/// concurrently while one silo is killed with SIGKILL. Every acknowledged change must survive, and
/// the stock arithmetic must balance exactly, whatever the requests that failed during the failover did.
/// </summary>
public abstract class SiloFailoverTests(ITestOutputHelper output)
{
    private const int ShopperCount = 12;

    // Some products run short during the run, so refused checkouts (409) are part of it too.
    private static readonly int[] InitialStock = [25, 25, 60, 60, 150, 150];

    private static readonly TimeSpan RunBeforeKill = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(60);

    // A release that failed during the failover is owed by its order and retried by the order's
    // reminder after ShopRulesOptions.RetryPeriod (1 min); until then that stock is in no live order
    // and not available either.
    private static readonly TimeSpan StockSettleBound = TimeSpan.FromSeconds(75);
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);

    /// <summary>A fresh migrated database, or a skip when there is none.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string>> Store();

    [SkippableFact]
    public async Task Killing_a_silo_mid_run_loses_no_acknowledged_cart_change_or_order_and_reserves_no_stock_twice()
    {
        await LocalShopCluster.RunAsync(await Store(), silos: 3, settings: null, Budget, output, Scenario);
    }

    private async Task Scenario(LocalShopCluster cluster, CancellationToken ct)
    {
        using var api = new ShopHttp(cluster.ApiUrl);
        var admin = (await api.Login(LocalShopCluster.AdminEmail, LocalShopCluster.AdminPassword, ct)).Expect("admin login").Token;
        var initial = new Dictionary<string, int>();
        for (var i = 0; i < InitialStock.Length; i++)
        {
            var product = (await api.CreateProduct(admin, $"Failover product {i}", 1990 + i, InitialStock[i], ct)).Expect("create a product");
            initial[product.Id] = InitialStock[i];
        }

        var timeline = new Timeline();
        var problems = new ConcurrentQueue<string>();
        var shoppers = await Task.WhenAll(Enumerable.Range(0, ShopperCount).Select(async i =>
        {
            var auth = (await api.Register($"failover-{i}-{Guid.NewGuid():N}@example.com", "password-1", ct)).Expect("register");
            return new Shopper(i, auth.Token, api, [.. initial.Keys], timeline, problems);
        }));

        // Shop, kill a silo, keep shopping until every shopper has written its cart again, then stop.
        using var stop = new CancellationTokenSource();
        var runs = shoppers.Select(s => s.RunAsync(stop.Token, ct)).ToArray();
        await Task.Delay(RunBeforeKill, ct);
        var ordersBeforeKill = shoppers.Sum(s => s.AcknowledgedOrders);
        cluster.KillSilo(1);
        timeline.Kill();
        while (shoppers.Any(s => s.FirstCartWriteAfterKill is null) && timeline.SinceKill < RecoveryBound)
        {
            await Task.Delay(100, ct);
        }

        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        stop.Cancel();
        await Task.WhenAll(runs);

        var firstWrite = shoppers.Min(s => s.FirstCartWriteAfterKill);
        var allWritten = shoppers.Any(s => s.FirstCartWriteAfterKill is null) ? null : shoppers.Max(s => s.FirstCartWriteAfterKill);
        output.WriteLine($"killed silo 1 of 3 (SIGKILL) after {RunBeforeKill.TotalSeconds:0} s with {ordersBeforeKill} orders acknowledged");
        output.WriteLine($"first acknowledged cart write after the kill: {Seconds(firstWrite)}; " +
            $"every shopper's cart written again: {Seconds(allWritten)} (recovered in {Seconds(allWritten)})");
        output.WriteLine($"acknowledged cart changes {shoppers.Sum(s => s.CartChanges)}, orders {shoppers.Sum(s => s.Orders.Count)} " +
            $"({shoppers.Sum(s => s.Orders.Count) - ordersBeforeKill} after the kill), cancels {shoppers.Sum(s => s.Cancels)}, " +
            $"refused (4xx) {shoppers.Sum(s => s.Refused)}, unacknowledged {shoppers.Sum(s => s.Unacknowledged)} " +
            $"(of which 401: {shoppers.Sum(s => s.Unauthorized)}), checkouts retried with their key {shoppers.Sum(s => s.CheckoutRetries)}");

        Assert.True(allWritten is not null && allWritten <= RecoveryBound,
            $"Not every shopper could write its cart within {RecoveryBound.TotalSeconds:0} s of the kill.");
        Assert.True(shoppers.Sum(s => s.Orders.Count) > ordersBeforeKill, "No order was acknowledged after the kill.");

        await WaitForSilos(api, liveSilos: 2, ct);
        var everyOrder = await VerifyOrdersAndCarts(api, admin, shoppers, problems, ct);
        await VerifyStock(api, everyOrder, initial, problems, ct);
        Assert.True(problems.IsEmpty, string.Join("\n", problems));
    }

    /// <summary>Every acknowledged order and cart is there as acknowledged; returns every order there is.</summary>
    private static async Task<List<Order>> VerifyOrdersAndCarts(
        ShopHttp api, string admin, Shopper[] shoppers, ConcurrentQueue<string> problems, CancellationToken ct)
    {
        var everyOrder = new Dictionary<string, Order>();
        foreach (var shopper in shoppers)
        {
            var listed = (await api.AllOrders(shopper.Token, "/api/orders", ct)).ToDictionary(o => o.Id);
            foreach (var (id, acknowledged) in shopper.Orders)
            {
                if (!listed.TryGetValue(id, out var order))
                {
                    problems.Enqueue($"shopper {shopper.Index}: acknowledged order {id} is not in GET /api/orders.");
                }
                else if (!SameLines(order.Items, acknowledged.Items))
                {
                    problems.Enqueue($"shopper {shopper.Index}: order {id} has {Describe(order.Items)}, acknowledged with {Describe(acknowledged.Items)}.");
                }
            }

            // Every checkout was retried with its key until it had an answer, so each order was acknowledged once.
            foreach (var id in listed.Keys.Except(shopper.Orders.Keys))
            {
                problems.Enqueue($"shopper {shopper.Index}: order {id} exists but no checkout was acknowledged with it.");
            }

            var cart = (await api.GetCart(shopper.Token, ct)).Expect("read a cart");
            if (!SameLines(cart.Items, shopper.CartLines))
            {
                problems.Enqueue($"shopper {shopper.Index}: the cart holds {Describe(cart.Items)}, but the last acknowledged state was {Describe(shopper.CartLines)}.");
            }

            foreach (var order in listed.Values)
            {
                everyOrder[order.Id] = order;
            }
        }

        // The admin index sees orders a shopper's list might not; anything holding stock counts.
        foreach (var order in await api.AllOrders(admin, "/api/admin/orders", ct))
        {
            if (!everyOrder.ContainsKey(order.Id))
            {
                problems.Enqueue($"order {order.Id} ({order.Status}) is on the admin list but on no shopper's list.");
                everyOrder[order.Id] = order;
            }
        }

        return [.. everyOrder.Values];
    }

    /// <summary>For each product, stock now + the quantities of live orders == the initial stock: nothing reserved twice or lost.</summary>
    private async Task VerifyStock(
        ShopHttp api, List<Order> orders, Dictionary<string, int> initial, ConcurrentQueue<string> problems, CancellationToken ct)
    {
        var held = initial.Keys.ToDictionary(id => id, id => orders
            .Where(o => o.Status is not ("Cancelled" or "Refunded"))
            .Sum(o => o.Items.Where(l => l.ProductId == id).Sum(l => l.Quantity)));
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var unbalanced = new List<string>();
            foreach (var (productId, stock) in initial)
            {
                var now = (await api.Product(productId, ct)).Expect("read a product").Stock;
                if (now + held[productId] != stock)
                {
                    unbalanced.Add($"product {productId}: stock {now} + {held[productId]} in live orders != initial {stock}.");
                }
            }

            if (unbalanced.Count == 0)
            {
                output.WriteLine($"stock balanced for every product {(waited.Elapsed < TimeSpan.FromSeconds(1) ? "at once" : $"after {Seconds(waited.Elapsed)} (owed releases)")}");
                return;
            }

            if (waited.Elapsed > StockSettleBound)
            {
                unbalanced.ForEach(problems.Enqueue);
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }
    }

    private static async Task WaitForSilos(ShopHttp api, int liveSilos, CancellationToken ct)
    {
        var expected = $"{liveSilos} active silo(s)";
        var detail = "";
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < RecoveryBound; await Task.Delay(250, ct))
        {
            var health = await api.Send<JsonElement>(HttpMethod.Get, "/api/health", null, ct: ct);
            detail = health.Acknowledged ? health.Body.GetProperty("checks").GetProperty("cluster").GetProperty("detail").GetString() ?? "" : $"{health.Status}";
            if (detail == expected)
            {
                return;
            }
        }

        Assert.Fail($"/api/health never reported '{expected}'; last: {detail}.");
    }

    private static bool SameLines(IEnumerable<Line> a, IEnumerable<Line> b) =>
        a.OrderBy(l => l.ProductId).SequenceEqual(b.OrderBy(l => l.ProductId));

    private static string Describe(IEnumerable<Line> lines) =>
        "[" + string.Join(", ", lines.Select(l => $"{l.ProductId[..6]}x{l.Quantity}")) + "]";

    private static string Seconds(TimeSpan? t) => t is { } v ? $"{v.TotalSeconds:0.0} s" : "never";

    /// <summary>When the silo was killed, on one clock every shopper reads.</summary>
    private sealed class Timeline
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _killedAtTicks = -1;

        public void Kill() => Interlocked.Exchange(ref _killedAtTicks, _clock.Elapsed.Ticks);

        public TimeSpan? SinceKill => Interlocked.Read(ref _killedAtTicks) is var k and >= 0 ? _clock.Elapsed - TimeSpan.FromTicks(k) : null;
    }

    /// <summary>
    /// One shopper, one request at a time. It keeps the cart as last acknowledged by the API; after a
    /// request with no clear answer it reads the cart back (which is then the truth), and it retries a
    /// checkout with the same Idempotency-Key until it has an answer, as a careful client would.
    /// </summary>
    private sealed class Shopper(int index, string token, ShopHttp api, string[] products, Timeline timeline, ConcurrentQueue<string> problems)
    {
        private readonly Random _random = new(index);
        private Dictionary<string, int> _cart = [];

        public int Index => index;

        public string Token => token;

        public Dictionary<string, Order> Orders { get; } = [];

        public List<Line> CartLines => [.. _cart.Select(l => new Line(l.Key, l.Value))];

        private long _firstCartWriteAfterKill = -1;

        // Read by the test while the shopper runs, hence the interlocked ticks.
        public TimeSpan? FirstCartWriteAfterKill =>
            Interlocked.Read(ref _firstCartWriteAfterKill) is var t and >= 0 ? TimeSpan.FromTicks(t) : null;

        public int AcknowledgedOrders => Volatile.Read(ref _acknowledgedOrders);

        private int _acknowledgedOrders;

        public int CartChanges { get; private set; }

        public int Cancels { get; private set; }

        public int Refused { get; private set; }

        public int Unacknowledged { get; private set; }

        public int Unauthorized { get; private set; }

        public int CheckoutRetries { get; private set; }

        /// <summary>Shops until <paramref name="stop"/>; a step under way is always finished.</summary>
        public async Task RunAsync(CancellationToken stop, CancellationToken ct)
        {
            while (!stop.IsCancellationRequested)
            {
                var roll = _random.Next(100);
                var open = Orders.Values.FirstOrDefault(o => o.Status == "PendingPayment");
                if (_cart.Count > 0 && roll < 15)
                {
                    await Checkout(ct);
                }
                else if (_cart.Count > 0 && roll < 25)
                {
                    var line = _cart.Keys.ElementAt(_random.Next(_cart.Count));
                    await ChangeCart(() => api.SetQuantity(token, line, _random.Next(0, 3), ct), ct);
                }
                else if (open is not null && roll < 28)
                {
                    await Cancel(open.Id, ct);
                }
                else
                {
                    await ChangeCart(() => api.AddToCart(token, products[_random.Next(products.Length)], _random.Next(1, 4), ct), ct);
                }

                await Task.Delay(_random.Next(10, 60), ct);
            }
        }

        private async Task ChangeCart(Func<Task<Reply<Cart>>> change, CancellationToken ct)
        {
            var reply = await change();
            if (reply.Acknowledged)
            {
                _cart = reply.Body!.Items.ToDictionary(l => l.ProductId, l => l.Quantity);
                CartChanges++;
                if (timeline.SinceKill is { } sinceKill)
                {
                    Interlocked.CompareExchange(ref _firstCartWriteAfterKill, sinceKill.Ticks, -1);
                }
            }
            else
            {
                Count(reply);
                if (reply.Unknown)
                {
                    await ReadCartBack(ct);
                }
            }
        }

        private async Task ReadCartBack(CancellationToken ct)
        {
            while (true)
            {
                var reply = await api.GetCart(token, ct);
                if (reply.Acknowledged)
                {
                    _cart = reply.Body!.Items.ToDictionary(l => l.ProductId, l => l.Quantity);
                    return;
                }

                await Task.Delay(200, ct);
            }
        }

        private async Task Checkout(CancellationToken ct)
        {
            var key = Guid.NewGuid().ToString("N");
            var cart = CartLines;
            for (var attempt = 0; ; attempt++)
            {
                var reply = await api.Checkout(token, key, ct);
                if (reply.Acknowledged)
                {
                    var order = reply.Body!;
                    if (!SameLines(order.Items, cart))
                    {
                        problems.Enqueue($"shopper {index}: order {order.Id} has {Describe(order.Items)}; the cart held {Describe(cart)}.");
                    }

                    Orders[order.Id] = order;
                    Interlocked.Increment(ref _acknowledgedOrders);
                    _cart = []; // the API's contract: the cart is emptied
                    CheckoutRetries += attempt > 0 ? 1 : 0;
                    return;
                }

                Count(reply);
                if (reply.Refused)
                {
                    // 409 not enough stock: nothing was reserved and the cart is kept. A 400 (empty cart) would mean the cart was lost.
                    if (reply.Status != System.Net.HttpStatusCode.Conflict)
                    {
                        problems.Enqueue($"shopper {index}: checkout of {Describe(cart)} refused with {(int)reply.Status!}.");
                    }

                    return;
                }

                await Task.Delay(250, ct);
            }
        }

        private async Task Cancel(string orderId, CancellationToken ct)
        {
            // An unanswered cancel may or may not have happened; the final check reads each order's status.
            var reply = await api.Cancel(token, orderId, ct);
            if (reply.Acknowledged)
            {
                Orders[orderId] = reply.Body!;
                Cancels++;
            }
            else
            {
                Count(reply);
                Orders[orderId] = Orders[orderId] with { Status = "Unknown" };
            }
        }

        private void Count<T>(Reply<T> reply)
        {
            Refused += reply.Refused ? 1 : 0;
            Unacknowledged += reply.Unknown ? 1 : 0;
            Unauthorized += reply.Status == System.Net.HttpStatusCode.Unauthorized ? 1 : 0;
        }
    }
}
