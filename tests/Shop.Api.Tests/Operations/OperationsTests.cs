using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Operations;

[Collection(ShopCollection.Name)]
public sealed class OperationsTests(ShopApiFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task Health_reports_the_cluster_and_storage_with_timings()
    {
        var response = await _http.GetAsync("/api/health");
        await Expect.Status(response, HttpStatusCode.OK);
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", health["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(health["version"]!.GetValue<string>()));
        foreach (var check in new[] { "cluster", "storage" })
        {
            Assert.Equal("Healthy", health["checks"]![check]!["status"]!.GetValue<string>());
            Assert.True(health["checks"]![check]!["durationMs"]!.GetValue<double>() >= 0);
        }

        await Expect.Status(await _http.GetAsync("/api/health/live"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_checks_in_a_loop_reuse_one_result_instead_of_writing_storage_each_time()
    {
        async Task<string?> StorageCheckedAt() =>
            (string?)JsonNode.Parse(await _http.GetStringAsync("/api/health"))!["checks"]!["storage"]!["checkedAt"];

        var first = await StorageCheckedAt();
        Assert.NotNull(first);
        var repeated = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => StorageCheckedAt()));

        // Every call within the few seconds a result is kept got the same run's result (one storage write).
        Assert.All(repeated, at => Assert.True(at == first || DateTimeOffset.Parse(at!) - DateTimeOffset.Parse(first!) >= TimeSpan.FromSeconds(4.9)));
        Assert.True(repeated.Distinct().Count() <= 2);
    }

    [Fact]
    public async Task Health_names_the_release_and_the_commit_of_the_running_build()
    {
        var informational = typeof(Program).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        var release = typeof(Program).Assembly.GetName().Version!;

        foreach (var path in new[] { "/api/health", "/api/health/live" })
        {
            var health = JsonNode.Parse(await (await _http.GetAsync(path)).Content.ReadAsStringAsync())!;
            var version = health["version"]!.GetValue<string>();
            var commit = health["commit"]!.GetValue<string>();

            // Directory.Build.props' Version, as the assembly carries it; the commit the SDK appended after '+'.
            Assert.Equal($"{release.Major}.{release.Minor}.{release.Build}", version);
            Assert.Equal(informational, commit == "unknown" ? version : $"{version}+{commit}");
            Assert.Matches("^(unknown|[0-9a-f]{7,40})$", commit);
        }
    }

    [Fact]
    public async Task Metrics_name_the_build_each_node_runs()
    {
        var health = JsonNode.Parse(await (await _http.GetAsync("/api/health/live")).Content.ReadAsStringAsync())!;
        var metrics = await _http.GetStringAsync("/metrics");

        var line = Assert.Single(metrics.Split('\n'), l => l.StartsWith("shop_build_info{", StringComparison.Ordinal));
        Assert.Contains($"version=\"{health["version"]!.GetValue<string>()}\"", line);
        Assert.Contains($"commit=\"{health["commit"]!.GetValue<string>()}\"", line);
        Assert.Matches(@"\} 1( \d+)?$", line.TrimEnd());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_public_endpoints()
    {
        var document = JsonNode.Parse(await _http.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/auth/register", "/api/products", "/api/cart/items", "/api/orders/{id}/pay", "/api/admin/orders", "/api/payments/webhook", "/api/health", "/api/health/live" })
        {
            Assert.Contains(path, paths);
        }

        Assert.All(paths, path => Assert.StartsWith("/api/", path)); // not the dashboard's own endpoints
        Assert.NotNull(document["paths"]!["/api/health"]!["get"]!["responses"]!["503"]);

        await Expect.Status(await _http.GetAsync("/scalar"), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("GET", "/api/no-such-thing")]
    [InlineData("POST", "/api/products/extra/segments")]
    public async Task Unknown_api_routes_are_404_problems(string method, string path)
    {
        await Expect.Json(await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_or_415_problem()
    {
        var plain = await _http.PostAsync("/api/auth/login", new StringContent("email=a&password=b", Encoding.UTF8, "text/plain"));
        Assert.Contains(plain.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType });
        Assert.Equal("application/problem+json", plain.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_a_problem()
    {
        var huge = "{\"email\":\"" + new string('a', 2 * 1024 * 1024) + "\",\"password\":\"x\"}";
        var response = await _http.PostAsync("/api/auth/login", new StringContent(huge, Encoding.UTF8, "application/json"));
        Assert.True((int)response.StatusCode is 400 or 413, $"got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
