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
