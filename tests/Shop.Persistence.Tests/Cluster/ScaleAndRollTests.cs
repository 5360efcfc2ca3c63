using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace Shop.Persistence.Tests.Cluster;

/// <summary>
/// Ops' scaling commands under a steady load of shoppers, exactly as ops run them:
/// `scripts/cluster.sh start` (three silos, one API node, a local PostgreSQL), then `add-silo`,
/// `remove-silo 1` and `rolling-restart`, while shoppers keep changing and reading their carts and new
/// shoppers arrive. It reports the failed requests during each step and the time until the added silo
/// takes activations, and requires that no acknowledged cart change is lost.
/// </summary>
public sealed class ScaleAndRollTests(ITestOutputHelper output) : IDisposable
{
    private const int Shoppers = 6;
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(6);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shop-scale-roll-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Dictionary<string, string> _environment = [];
    private readonly ConcurrentQueue<(DateTimeOffset At, bool Failed, string What)> _outcomes = new();

    [SkippableFact]
    public async Task Adding_removing_and_rolling_silos_under_load_loses_no_acknowledged_write()
    {
        Skip.IfNot(File.Exists("/usr/bin/curl") && Directory.Exists("/usr/lib/postgresql"), "needs curl and the PostgreSQL server binaries");
        using var deadline = new CancellationTokenSource(Budget);
        var ports = Ports();
        _environment["CLUSTER_DIR"] = _dir;
        _environment["CLUSTER_FIRST_SILO_PORT"] = ports.Silo.ToString();
        _environment["CLUSTER_FIRST_GATEWAY_PORT"] = ports.Gateway.ToString();
        _environment["CLUSTER_FIRST_METRICS_PORT"] = ports.Metrics.ToString();
        _environment["CLUSTER_FIRST_API_PORT"] = ports.Api.ToString();
        _environment["CLUSTER_PG_PORT"] = ports.Postgres.ToString();
        _environment["SEED_DEMO_DATA"] = "false";
        _environment["BCRYPT_SALT_ROUNDS"] = "4";
        _environment["ADMIN_PASSWORD"] = "scale-roll-admin-password";
        foreach (var limit in new[] { "AUTH_RATE_LIMIT_PER_MINUTE", "CART_RATE_LIMIT_PER_MINUTE", "ORDER_RATE_LIMIT_PER_MINUTE" })
        {
            _environment[limit] = "1000000";
        }

        await Cluster(deadline.Token, "start", "--silos", "3", "--apis", "1", "--local-postgres", "--no-build");
        using var http = new ShopHttp(new Uri($"http://127.0.0.1:{ports.Api}"));
        var ct = deadline.Token;
        var admin = (await http.Login("admin@cluster.local", "scale-roll-admin-password", ct)).Expect("admin login").Token;
        var products = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            products.Add((await http.CreateProduct(admin, $"Roll product {i}", 1990, 100000, ct)).Expect("create a product").Id);
        }

        var shoppers = new List<Shopper>();
        for (var i = 0; i < Shoppers; i++)
        {
            var token = (await http.Register($"roll-{i}-{Guid.NewGuid():N}@cluster.test", "shopper-password", ct)).Expect("register").Token;
            shoppers.Add(new Shopper(token, products[i % products.Count]));
        }

        using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        var load = Task.WhenAll(shoppers.Select(s => Shop(http, s, products, stopLoad.Token)));
        var steps = new List<(string Step, DateTimeOffset From, DateTimeOffset To, string Note)>();

        async Task Step(string name, Func<Task<string>> action)
        {
            var from = DateTimeOffset.UtcNow;
            var note = await action();
            await Task.Delay(TimeSpan.FromSeconds(3), deadline.Token); // the load carries on after each step
            steps.Add((name, from, DateTimeOffset.UtcNow, note));
        }

        await Task.Delay(TimeSpan.FromSeconds(5), deadline.Token);
        steps.Add(("steady load", DateTimeOffset.UtcNow.AddSeconds(-5), DateTimeOffset.UtcNow, ""));
        await Step("add-silo", async () =>
        {
            var before = await ActivationsCreated(ports.Metrics + 3);
            await Cluster(deadline.Token, "add-silo");
            var joined = Stopwatch.StartNew();
            var answered = false;
            double created;
            while ((created = await ActivationsCreated(ports.Metrics + 3)) <= Math.Max(before, 0))
            {
                answered |= created >= 0;
                Assert.True(joined.Elapsed < TimeSpan.FromSeconds(60),
                    $"The added silo took no activation within 60 s (its /metrics {(answered ? "answered" : "never answered")}). "
                    + $"The end of its log:\n{LogTail("silo-4")}");
                await Task.Delay(250, deadline.Token);
            }

            return $"the new silo took its first activations {joined.Elapsed.TotalSeconds:0.0} s after it joined";
        });
        await Step("remove-silo 1", async () => { await Cluster(deadline.Token, "remove-silo", "1"); return ""; });
        await Step("rolling-restart (3 silos)", async () => { await Cluster(deadline.Token, "rolling-restart"); return ""; });

        await stopLoad.CancelAsync();
        await load;

        var all = _outcomes.ToList();
        output.WriteLine($"{all.Count} requests from {Shoppers} shoppers (and the newcomers); failures by step:");
        foreach (var (step, from, to, note) in steps)
        {
            var during = all.Where(o => o.At >= from && o.At < to).ToList();
            output.WriteLine($"  {step}: {during.Count(o => o.Failed)} failed of {during.Count} ({(to - from).TotalSeconds:0.0} s){(note.Length > 0 ? "; " + note : "")}");
        }

        foreach (var failure in all.Where(o => o.Failed).Take(10))
        {
            output.WriteLine($"  failed: {failure.At:HH:mm:ss.fff} {failure.What}");
        }

        // What the API node made of them: the exceptions it logged (type and message, no stack).
        var apiLog = Path.Combine(_dir, "api-1.log");
        foreach (var line in File.Exists(apiLog) ? File.ReadLines(apiLog).Where(l => l.Contains("Exception:", StringComparison.Ordinal)).Distinct().Take(10) : [])
        {
            output.WriteLine($"  api-1: {line.Trim()}");
        }

        // Every acknowledged change is in the cart: the last quantity a shopper was told was saved.
        foreach (var shopper in shoppers)
        {
            var cart = (await http.GetCart(shopper.Token, ct)).Expect("read a cart");
            var quantity = cart.Items.FirstOrDefault(l => l.ProductId == shopper.Product)?.Quantity ?? 0;
            Assert.True(quantity == shopper.Acknowledged || shopper.Unacknowledged.Contains(quantity),
                $"A cart shows {quantity} where {shopper.Acknowledged} was the last acknowledged quantity.");
        }

        Assert.True(all.Count > 200, $"Only {all.Count} requests were made: the load did not run.");
    }

    public void Dispose()
    {
        try
        {
            Cluster(CancellationToken.None, "clean").GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            output.WriteLine($"cleaning the cluster up: {e.Message}");
        }
    }

    private sealed class Shopper(string token, string product)
    {
        public string Token { get; } = token;
        public string Product { get; } = product;
        public int Acknowledged { get; set; }
        public HashSet<int> Unacknowledged { get; } = [];
    }

    /// <summary>A shopper's loop: set a quantity (acknowledged or not), read the cart; now and then a newcomer arrives.</summary>
    private async Task Shop(ShopHttp http, Shopper shopper, List<string> products, CancellationToken stop)
    {
        var quantity = 0;
        var round = 0;
        while (!stop.IsCancellationRequested)
        {
            quantity = quantity % 50 + 1;
            if (Record(await http.SetQuantity(shopper.Token, shopper.Product, quantity, CancellationToken.None), "set a cart line"))
            {
                shopper.Acknowledged = quantity;
                shopper.Unacknowledged.Clear();
            }
            else
            {
                shopper.Unacknowledged.Add(quantity);
            }

            Record(await http.GetCart(shopper.Token, CancellationToken.None), "read the cart");
            if (++round % 10 == 0)
            {
                // A newcomer: fresh grains, placed on whichever silos are there now.
                var newcomer = await http.Register($"new-{Guid.NewGuid():N}@cluster.test", "shopper-password", CancellationToken.None);
                if (Record(newcomer, "a newcomer registers"))
                {
                    Record(await http.AddToCart(newcomer.Body!.Token, products[round % products.Count], 1, CancellationToken.None), "a newcomer's first cart line");
                }
            }

            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Counts a request: failed unless acknowledged or refused by contract (ShopHttp's Reply); true when acknowledged.</summary>
    private bool Record<T>(Reply<T> reply, string what)
    {
        _outcomes.Enqueue((DateTimeOffset.UtcNow, reply.Unknown, reply.Unknown ? $"{what}: {(reply.Status is { } s ? $"HTTP {(int)s}" : "no answer")}" : what));
        return reply.Acknowledged;
    }

    /// <summary>orleans_catalog_activation_created_total of the silo serving /metrics on the port; -1 when it is not up or not answering yet.</summary>
    private static async Task<double> ActivationsCreated(int metricsPort)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            var text = await http.GetStringAsync($"http://127.0.0.1:{metricsPort}/metrics");
            return text.Split('\n').Where(l => l.StartsWith("orleans_catalog_activation_created_total", StringComparison.Ordinal))
                .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // A silo that has just joined a loaded machine may take longer than the timeout to answer.
            return -1;
        }
    }

    private string LogTail(string process)
    {
        var log = Path.Combine(_dir, process + ".log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(40)) : $"(no {log})";
    }

    private async Task Cluster(CancellationToken cancellationToken, params string[] arguments)
    {
        var script = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(BuildOutput.Silo))))!, "..", "..", "scripts", "cluster.sh");
        var start = new ProcessStartInfo("bash", [Path.GetFullPath(script), .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        output.WriteLine($"$ cluster.sh {string.Join(' ', arguments)}\n{(await stdout).Trim()}\n{(await stderr).Trim()}".TrimEnd());
        Assert.True(process.ExitCode == 0, $"cluster.sh {string.Join(' ', arguments)} exited {process.ExitCode}");
    }

    /// <summary>Ranges of free loopback ports for up to four silos, an API node and PostgreSQL, one block of 14 apart from each other.</summary>
    private static (int Silo, int Gateway, int Metrics, int Api, int Postgres) Ports()
    {
        var random = new Random();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            // Below Linux's ephemeral range (32768-60999): a port free now must still be free when the
            // silo that takes it starts, half a minute later, while the test's clients open connections.
            var first = random.Next(20_000, 32_000);
            if (Enumerable.Range(first, 14).All(Free))
            {
                return (first, first + 4, first + 8, first + 12, first + 13);
            }
        }

        throw new InvalidOperationException("No free port range found.");
    }

    private static bool Free(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
