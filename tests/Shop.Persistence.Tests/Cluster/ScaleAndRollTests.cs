using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
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
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports.Api}"), Timeout = TimeSpan.FromSeconds(15) };
        var admin = await Token(http, "admin@cluster.local", "scale-roll-admin-password", register: false);
        var products = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            using var created = await Send(http, HttpMethod.Post, "/api/admin/products", admin,
                new { name = $"Roll product {i}", description = "", price = 1990, category = "home", stock = 100000 });
            products.Add(JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
        }

        var shoppers = new List<Shopper>();
        for (var i = 0; i < Shoppers; i++)
        {
            shoppers.Add(new Shopper(await Token(http, $"roll-{i}-{Guid.NewGuid():N}@cluster.test", "shopper-password", register: true), products[i % products.Count]));
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
            while (await ActivationsCreated(ports.Metrics + 3) <= Math.Max(before, 0))
            {
                Assert.True(joined.Elapsed < TimeSpan.FromSeconds(60), "The added silo took no activation within 60 s.");
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

        // Every acknowledged change is in the cart: the last quantity a shopper was told was saved.
        foreach (var shopper in shoppers)
        {
            using var cart = await Send(http, HttpMethod.Get, "/api/cart", shopper.Token);
            var line = JsonNode.Parse(await cart.Content.ReadAsStringAsync())!["items"]!.AsArray()
                .FirstOrDefault(i => (string?)i!["productId"] == shopper.Product);
            var quantity = line?["quantity"]?.GetValue<int>() ?? 0;
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
    private async Task Shop(HttpClient http, Shopper shopper, List<string> products, CancellationToken stop)
    {
        var quantity = 0;
        var round = 0;
        while (!stop.IsCancellationRequested)
        {
            quantity = quantity % 50 + 1;
            var saved = await Try(() => Send(http, HttpMethod.Put, $"/api/cart/items/{shopper.Product}", shopper.Token, new { quantity }), "set a cart line");
            if (saved)
            {
                shopper.Acknowledged = quantity;
                shopper.Unacknowledged.Clear();
            }
            else
            {
                shopper.Unacknowledged.Add(quantity);
            }

            await Try(() => Send(http, HttpMethod.Get, "/api/cart", shopper.Token), "read the cart");
            if (++round % 10 == 0)
            {
                // A newcomer: fresh grains, placed on whichever silos are there now.
                await Try(async () =>
                {
                    var token = await Token(http, $"new-{Guid.NewGuid():N}@cluster.test", "shopper-password", register: true);
                    return await Send(http, HttpMethod.Post, "/api/cart/items", token, new { productId = products[round % products.Count], quantity = 1 });
                }, "a newcomer's first cart line");
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

    private async Task<bool> Try(Func<Task<HttpResponseMessage>> call, string what)
    {
        try
        {
            using var response = await call();
            var failed = (int)response.StatusCode >= 500;
            _outcomes.Enqueue((DateTimeOffset.UtcNow, failed, failed ? $"{what}: HTTP {(int)response.StatusCode}" : what));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            _outcomes.Enqueue((DateTimeOffset.UtcNow, true, $"{what}: {e.GetType().Name}"));
            return false;
        }
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request);
    }

    private static async Task<string> Token(HttpClient http, string email, string password, bool register)
    {
        using var response = await http.PostAsJsonAsync(register ? "/api/auth/register" : "/api/auth/login",
            new { email, password, name = "Roll" });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(register ? "register" : "log in")} {email}: HTTP {(int)response.StatusCode}");
        }

        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
    }

    /// <summary>orleans_catalog_activation_created_total of the silo serving /metrics on the port; -1 when it is not up.</summary>
    private static async Task<double> ActivationsCreated(int metricsPort)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            var text = await http.GetStringAsync($"http://127.0.0.1:{metricsPort}/metrics");
            return text.Split('\n').Where(l => l.StartsWith("orleans_catalog_activation_created_total", StringComparison.Ordinal))
                .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (HttpRequestException)
        {
            return -1;
        }
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

    /// <summary>Ranges of free loopback ports for up to four silos, an API node and PostgreSQL.</summary>
    private static (int Silo, int Gateway, int Metrics, int Api, int Postgres) Ports()
    {
        var random = new Random();
        int Range(int count)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var first = random.Next(20_000, 60_000);
                if (Enumerable.Range(first, count).All(Free))
                {
                    return first;
                }
            }

            throw new InvalidOperationException("No free port range found.");
        }

        return (Range(4), Range(4), Range(4), Range(1), Range(1));
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
