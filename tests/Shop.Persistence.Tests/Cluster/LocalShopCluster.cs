using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Xunit.Abstractions;

namespace Shop.Persistence.Tests.Cluster;

/// <summary>
/// Real Shop.Silo and Shop.Api processes on 127.0.0.1 sharing one database (PostgreSQL or MongoDB), run from the
/// build output beside this test assembly (the test project references both projects, so
/// <c>dotnet test -c Release</c> builds them). Disposing kills every process, whatever happened.
/// </summary>
public sealed class LocalShopCluster : IDisposable
{
    public const string AdminEmail = "admin@cluster.test";
    public const string AdminPassword = "cluster-admin-password";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly IReadOnlyDictionary<string, string> _store;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly List<ShopProcess> _silos = [];
    private readonly List<ShopProcess> _apis = [];
    private readonly List<ShopProcess> _all = [];
    private readonly List<Uri> _siloMetrics = [];
    private readonly List<(int Silo, int Gateway)> _siloPorts = [];

    // Emails written without SMTP (silos: order notifications; API nodes: password links) go here,
    // and are deleted with the cluster.
    private readonly string _mailDir = Path.Combine(Path.GetTempPath(), "shop-cluster-mail-" + Guid.NewGuid().ToString("N")[..8]);

    private LocalShopCluster(IReadOnlyDictionary<string, string> store, IReadOnlyDictionary<string, string> settings)
    {
        _store = store;
        _settings = settings;
    }

    /// <summary>The HTTP address of API node 0.</summary>
    public Uri ApiUrl { get; private set; } = null!;

    /// <summary>
    /// Starts <paramref name="silos"/> silos and one API node on a migrated database, named by
    /// <paramref name="store"/> (see <see cref="ClusterStores"/>). <paramref name="settings"/> adds to (or
    /// overrides) the environment of every process, e.g. PAYMENT_TIMEOUT.
    /// </summary>
    /// <summary>
    /// Starts a cluster, runs <paramref name="scenario"/> on it within <paramref name="budget"/>, and
    /// prints every process's log to the test output when it fails.
    /// </summary>
    public static async Task RunAsync(
        IReadOnlyDictionary<string, string> store, int silos, IReadOnlyDictionary<string, string>? settings,
        TimeSpan budget, ITestOutputHelper output, Func<LocalShopCluster, CancellationToken, Task> scenario)
    {
        using var deadline = new CancellationTokenSource(budget);
        using var cluster = await StartAsync(store, silos, settings, deadline.Token);
        try
        {
            await scenario(cluster, deadline.Token).WaitAsync(deadline.Token);
        }
        catch
        {
            output.WriteLine(cluster.Logs());
            throw;
        }
    }

    public static async Task<LocalShopCluster> StartAsync(
        IReadOnlyDictionary<string, string> store, int silos, IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        var cluster = new LocalShopCluster(store, settings ?? new Dictionary<string, string>());
        try
        {
            await cluster.StartProcessesAsync(silos, cancellationToken);
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    public int LiveSilos => _silos.Count(s => !s.HasExited);

    /// <summary>Each silo's /metrics: every silo gets METRICS_PORT, as docker-compose.yml gives it one.</summary>
    public IReadOnlyList<Uri> SiloMetrics => _siloMetrics;

    /// <summary>Each silo's SILO_PORT and GATEWAY_PORT on 127.0.0.1.</summary>
    public IReadOnlyList<(int Silo, int Gateway)> SiloPorts => _siloPorts;

    /// <summary>SIGKILL silo <paramref name="index"/> (0-based).</summary>
    public void KillSilo(int index) => _silos[index].Kill();

    /// <summary>Stops every process gracefully (API first, then the silos), as an operator restarting the shop would.</summary>
    public async Task StopAllAsync()
    {
        await Task.WhenAll(_apis.Select(a => a.StopAsync(TimeSpan.FromSeconds(20))));
        await Task.WhenAll(_silos.Select(s => s.StopAsync(TimeSpan.FromSeconds(30))));
    }

    /// <summary>Starts the same number of silos and an API node again, on fresh ports, against the same database.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        var silos = _silos.Count;
        await StopAllAsync();
        _silos.Clear();
        _siloMetrics.Clear();
        _siloPorts.Clear();
        _apis.Clear();
        await StartProcessesAsync(silos, cancellationToken);
    }

    /// <summary>The last lines of every process's output, for a failure message.</summary>
    public string Logs() => string.Join("\n", _all.Select(p => p.Tail()));

    public void Dispose()
    {
        foreach (var process in _all)
        {
            process.Dispose();
        }

        if (Directory.Exists(_mailDir))
        {
            Directory.Delete(_mailDir, recursive: true);
        }
    }

    /// <summary>Starts one more silo on fresh ports and waits until it has joined (its gateway opens).</summary>
    public async Task StartSiloAsync(CancellationToken cancellationToken)
    {
        var ports = FreePorts(3);
        var silo = LaunchSilo(ports[0], ports[1], ports[2]);
        await WaitUntil(() => Listens(ports[1]), silo, "open its gateway", cancellationToken);
    }

    private ShopProcess LaunchSilo(int siloPort, int gatewayPort, int metricsPort)
    {
        var silo = Launch($"silo-{_all.Count}", BuildOutput.Silo, new()
        {
            ["SILO_PORT"] = siloPort.ToString(),
            ["GATEWAY_PORT"] = gatewayPort.ToString(),
            ["SILO_ADVERTISED_IP"] = "127.0.0.1",
            // On every interface, as in a container; the tests scrape it on loopback.
            ["METRICS_PORT"] = metricsPort.ToString(),
        });
        _silos.Add(silo);
        _siloMetrics.Add(new Uri($"http://127.0.0.1:{metricsPort}/metrics"));
        _siloPorts.Add((siloPort, gatewayPort));
        return silo;
    }

    private async Task StartProcessesAsync(int silos, CancellationToken cancellationToken)
    {
        var ports = FreePorts(3 * silos + 1);
        var started = Enumerable.Range(0, silos).Select(i => LaunchSilo(ports[3 * i], ports[3 * i + 1], ports[3 * i + 2])).ToList();

        // A silo opens its gateway once it is active in the cluster; the API node starts after all of them.
        for (var i = 0; i < silos; i++)
        {
            await WaitUntil(() => Listens(ports[3 * i + 1]), started[i], "open its gateway", cancellationToken);
        }

        ApiUrl = await StartApiAsync(ports[^1], cancellationToken);
    }

    /// <summary>Starts one more API node on a fresh port and answers its address once it reports healthy.</summary>
    public Task<Uri> StartApiNodeAsync(CancellationToken cancellationToken) => StartApiAsync(FreePorts(1)[0], cancellationToken);

    private async Task<Uri> StartApiAsync(int httpPort, CancellationToken cancellationToken)
    {
        var url = new Uri($"http://127.0.0.1:{httpPort}");
        _apis.Add(Launch($"api-{_all.Count}", BuildOutput.Api, new()
        {
            ["SILO_MODE"] = "external",
            ["ASPNETCORE_URLS"] = url.ToString(),
            // One fixed secret, so tokens outlive a restart (and pass between nodes) as they do in production.
            ["JWT_SECRET"] = "cluster-tests-jwt-secret-0123456789abcdef",
            ["BCRYPT_SALT_ROUNDS"] = "4",
            ["AUTH_RATE_LIMIT_PER_MINUTE"] = "10000",
            ["CART_RATE_LIMIT_PER_MINUTE"] = "100000",
            ["ORDER_RATE_LIMIT_PER_MINUTE"] = "100000",
            ["ADMIN_EMAIL"] = AdminEmail,
            ["ADMIN_PASSWORD"] = AdminPassword,
            ["SEED_DEMO_DATA"] = "false",
        }));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await WaitUntil(Healthy, _apis[^1], "report /api/health healthy", cancellationToken);
        return url;

        async Task<bool> Healthy()
        {
            using var response = await http.GetAsync(new Uri(url, "/api/health"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
    }

    private ShopProcess Launch(string name, string dll, Dictionary<string, string> own)
    {
        var environment = new Dictionary<string, string>(_store)
        {
            ["CLUSTER_ID"] = "cluster-tests",
            ["SERVICE_ID"] = "cluster-tests",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["LOG_LEVEL"] = "warn",
            ["MAIL_PICKUP_DIR"] = _mailDir,
            // Scenarios leave orders unpaid on purpose; the cap has tests of its own.
            ["MAX_UNPAID_ORDERS"] = "1000",
        };
        foreach (var (key, value) in own.Concat(_settings))
        {
            environment[key] = value;
        }

        var process = ShopProcess.Start(name, dll, environment);
        _all.Add(process);
        return process;
    }

    private static async Task WaitUntil(Func<Task<bool>> ready, ShopProcess process, string what, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited before it could {what}.\n{process.Tail()}");
            }

            try
            {
                if (await ready())
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !timeout.IsCancellationRequested)
            {
            }

            try
            {
                await Task.Delay(250, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{process.Name} did not {what} within {StartTimeout.TotalSeconds:0} s.\n{process.Tail()}");
            }
        }
    }

    private static Task<bool> Listens(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return Task.FromResult(true);
        }
        catch (SocketException)
        {
            return Task.FromResult(false);
        }
    }

    /// <summary>Distinct free loopback ports: all listeners are held open until every port is chosen.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}

/// <summary>Where the silo and API DLLs of this build are: src/*/bin/&lt;Configuration&gt;/&lt;tfm&gt;/ of this repository.</summary>
public static class BuildOutput
{
    public static string Silo => Find("Shop.Silo");

    public static string Api => Find("Shop.Api");

    private static string Find(string project)
    {
        // This assembly runs from tests/Shop.Persistence.Tests/bin/<Configuration>/<tfm>/.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = here.Name;
        var configuration = typeof(BuildOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Shop.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"Shop.sln not found above {AppContext.BaseDirectory}.");
        }

        var dll = Path.Combine(root.FullName, "src", project, "bin", configuration, tfm, project + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} is missing; build the solution in {configuration} first (dotnet build -c {configuration}).");
    }
}
