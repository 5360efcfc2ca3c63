using System.Net;
using System.Net.Sockets;
using Shop.Grains.Tests.Support;
using Shop.Persistence.Tests.Cluster;
using Shop.Silo.Migrations;

namespace Shop.Persistence.Tests.Operations;

/// <summary>
/// The real processes in production: bad settings are refused with one line each before anything
/// starts, and good ones (on a real PostgreSQL) give a healthy shop with production headers.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProductionStartTests(PostgresFixture postgres)
{
    private const string ShortSecret = "not-long-enough-secret";

    [Fact]
    public async Task An_api_node_with_unsafe_production_settings_refuses_to_start_naming_each_problem()
    {
        using var api = ShopProcess.Start("api", BuildOutput.Api, new Dictionary<string, string>
        {
            ["NODE_ENV"] = "production",
            ["ASPNETCORE_ENVIRONMENT"] = "",
            ["JWT_SECRET"] = ShortSecret,
            ["BCRYPT_SALT_ROUNDS"] = "8",
            ["ALLOWED_ORIGINS"] = "*",
            ["WEBHOOK_API_KEY"] = "short",
            ["PORT"] = FreePort().ToString(),
        });

        Assert.True(await api.WaitForExitAsync(TimeSpan.FromSeconds(60)), api.Tail());
        Assert.Equal(1, api.ExitCode);
        var problems = api.Output.Split('\n').Where(l => l.TrimStart().StartsWith("configuration error:")).ToList();
        Assert.Equal(8, problems.Count);
        foreach (var expected in new[] { "STORAGE_PROVIDER is memory", "JWT_SECRET has 22 characters", "BCRYPT_SALT_ROUNDS is 8", "ALLOWED_ORIGINS contains '*'", "WEBHOOK_API_KEY", "API_BASE_URL", "SMTP_HOST", "CLUSTER_TLS_CERT is not set" })
        {
            Assert.Contains(problems, p => p.Contains(expected));
        }

        Assert.DoesNotContain(ShortSecret, api.Output);
        Assert.DoesNotContain("Now listening", api.Output);
    }

    [Fact]
    public async Task A_silo_with_a_malformed_METRICS_PORT_names_it_and_exits_1()
    {
        using var silo = ShopProcess.Start("silo", BuildOutput.Silo, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["METRICS_PORT"] = "9464x",
            ["SILO_PORT"] = FreePort().ToString(),
            ["GATEWAY_PORT"] = FreePort().ToString(),
        });

        Assert.True(await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)), silo.Tail());
        Assert.Equal(1, silo.ExitCode);
        Assert.Contains("configuration error: METRICS_PORT must be a port number (1-65535), not '9464x'.", silo.Output);
        Assert.DoesNotContain("Unhandled exception", silo.Output);
    }

    [Fact]
    public async Task An_api_node_with_malformed_settings_names_each_and_exits_1()
    {
        // Development skips the production rules; the options' own validation still stops the start.
        using var api = ShopProcess.Start("api", BuildOutput.Api, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["SMTP_PORT"] = "smtp",
            ["MAX_UNPAID_ORDERS"] = "0",
            ["JWT_EXPIRES_IN"] = "400d",
            ["PORT"] = FreePort().ToString(),
            ["SILO_PORT"] = FreePort().ToString(),
            ["GATEWAY_PORT"] = FreePort().ToString(),
        });

        Assert.True(await api.WaitForExitAsync(TimeSpan.FromSeconds(60)), api.Tail());
        Assert.Equal(1, api.ExitCode);
        var problems = api.Output.Split('\n').Where(l => l.TrimStart().StartsWith("configuration error:")).ToList();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("SMTP_PORT must be a whole number; got 'smtp'."));
        Assert.Contains(problems, p => p.Contains("MAX_UNPAID_ORDERS must be at least 1."));
        Assert.Contains(problems, p => p.Contains("JWT_EXPIRES_IN must be at most 365d."));
        Assert.DoesNotContain("Unhandled exception", api.Output);
        Assert.DoesNotContain("Now listening", api.Output);
    }

    [Fact]
    public async Task Staging_gets_the_production_rules_too()
    {
        // Only Development relaxes them: a Staging (or misspelt) environment must not skip the checks.
        using var silo = ShopProcess.Start("silo", BuildOutput.Silo, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["SILO_PORT"] = FreePort().ToString(),
            ["GATEWAY_PORT"] = FreePort().ToString(),
        });

        Assert.True(await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)), silo.Tail());
        Assert.Equal(1, silo.ExitCode);
        Assert.Contains("configuration error: STORAGE_PROVIDER is memory", silo.Output);
    }

    [Fact]
    public async Task A_silo_without_a_database_or_mail_settings_refuses_to_start_in_production()
    {
        using var silo = ShopProcess.Start("silo", BuildOutput.Silo, new Dictionary<string, string>
        {
            ["NODE_ENV"] = "production",
            ["SILO_PORT"] = FreePort().ToString(),
            ["GATEWAY_PORT"] = FreePort().ToString(),
        });

        Assert.True(await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)), silo.Tail());
        Assert.Equal(1, silo.ExitCode);
        Assert.Contains("configuration error: STORAGE_PROVIDER is memory", silo.Output);
        // Silos send the order emails, so they need the mail server and the public URL too.
        Assert.Contains("configuration error: SMTP_HOST is not set", silo.Output);
        Assert.Contains("configuration error: API_BASE_URL", silo.Output);
        // The cluster ports would take any client.
        Assert.Contains("configuration error: CLUSTER_TLS_CERT is not set: any program that reaches SILO_PORT or GATEWAY_PORT", silo.Output);
    }

    [Fact]
    public async Task A_silo_with_a_certificate_of_another_CA_names_it_and_exits_1()
    {
        // In Development too: a certificate the other silos would refuse is named at start.
        using var cluster = new TestCertificates("Shop cluster CA (start tests)");
        using var other = new TestCertificates("Another CA (start tests)");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["SILO_PORT"] = FreePort().ToString(),
            ["GATEWAY_PORT"] = FreePort().ToString(),
            ["CLUSTER_TLS_CA"] = cluster.AuthorityPath,
        };
        foreach (var (name, value) in other.Node("node").Where(s => s.Key != "CLUSTER_TLS_CA"))
        {
            environment[name] = value!;
        }

        using var silo = ShopProcess.Start("silo", BuildOutput.Silo, environment);

        Assert.True(await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)), silo.Tail());
        Assert.Equal(1, silo.ExitCode);
        Assert.Contains($"configuration error: CLUSTER_TLS_CERT ({environment["CLUSTER_TLS_CERT"]}) is not valid under CLUSTER_TLS_CA ({cluster.AuthorityPath})", silo.Output);
        Assert.DoesNotContain("Unhandled exception", silo.Output);
    }

    [SkippableFact]
    public async Task An_api_node_with_good_production_settings_runs_healthy_with_production_headers()
    {
        var connection = await postgres.NewDatabase("production");
        await new PostgresMigrator(connection, TextWriter.Null).MigrateAsync();
        var port = FreePort();
        using var api = ShopProcess.Start("api", BuildOutput.Api, new Dictionary<string, string>
        {
            ["NODE_ENV"] = "production",
            ["ASPNETCORE_ENVIRONMENT"] = "",
            ["POSTGRES_CONNECTION"] = connection,
            ["JWT_SECRET"] = "0123456789abcdef0123456789abcdef0123456789abcdef",
            ["BCRYPT_SALT_ROUNDS"] = "10",
            ["ALLOWED_ORIGINS"] = "https://shop.example.com",
            ["WEBHOOK_API_KEY"] = "fedcba9876543210fedcba9876543210",
            ["API_BASE_URL"] = "https://shop.example.com",
            ["SMTP_HOST"] = "127.0.0.1",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["SILO_PORT"] = FreePort().ToString(),
            ["GATEWAY_PORT"] = FreePort().ToString(),
            ["SILO_ADVERTISED_IP"] = "127.0.0.1",
            ["LOG_LEVEL"] = "warn",
            // The one way to run production without the cluster certificates: said explicitly (an
            // embedded node on loopback, which nothing else can reach).
            ["CLUSTER_TLS"] = "off",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

        HttpResponseMessage? health = null;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !api.HasExited)
        {
            try
            {
                health = await http.GetAsync("/api/health");
                if (health.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        Assert.True(health?.StatusCode == HttpStatusCode.OK, api.Tail());
        Assert.Contains("max-age=", health.Headers.GetValues("Strict-Transport-Security").Single());

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/products");
        preflight.Headers.Add("Origin", "https://shop.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var allowed = await http.SendAsync(preflight);
        Assert.Equal("https://shop.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var foreign = new HttpRequestMessage(HttpMethod.Options, "/api/products");
        foreign.Headers.Add("Origin", "https://evil.example.net");
        foreign.Headers.Add("Access-Control-Request-Method", "GET");
        Assert.False((await http.SendAsync(foreign)).Headers.Contains("Access-Control-Allow-Origin"));

        // No demo data and no demo admin in production.
        Assert.Contains("\"total\":0", await http.GetStringAsync("/api/products"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
