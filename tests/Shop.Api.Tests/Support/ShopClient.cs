using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shop.Api.Tests.Support;

/// <summary>An HTTP client for one shopper (or admin), with the calls tests make most.</summary>
public sealed class ShopClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public string Email { get; private set; } = "";

    public string UserId { get; private set; } = "";

    public string Token { get; private set; } = "";

    public static async Task<ShopClient> NewShopper(ShopApiFactory factory, string? name = null)
    {
        var client = new ShopClient(factory.CreateClient());
        var email = $"shopper-{Guid.NewGuid():N}@example.com";
        var response = await client.Http.PostAsJsonAsync("/api/auth/register", new { email, password = "password-1", name = name ?? "测试用户" });
        await Expect.Status(response, HttpStatusCode.Created);
        client.SignIn(await response.Content.ReadFromJsonAsync<JsonObject>());
        return client;
    }

    public static async Task<ShopClient> Admin(ShopApiFactory factory)
    {
        var client = new ShopClient(factory.CreateClient());
        var response = await client.Http.PostAsJsonAsync("/api/auth/login", new { email = ShopApiFactory.AdminEmail, password = ShopApiFactory.AdminPassword });
        await Expect.Status(response, HttpStatusCode.OK);
        client.SignIn(await response.Content.ReadFromJsonAsync<JsonObject>());
        return client;
    }

    public void SignIn(JsonObject? auth)
    {
        Token = auth!["token"]!.GetValue<string>();
        Email = auth["user"]!["email"]!.GetValue<string>();
        UserId = auth["user"]!["id"]!.GetValue<string>();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public async Task<JsonObject> Get(string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await Expect.Json(await Http.GetAsync(path), expected);

    public async Task<JsonObject> Post(string path, object? body, HttpStatusCode expected = HttpStatusCode.OK, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Expect.Json(await Http.SendAsync(request), expected);
    }

    public async Task<JsonObject> Put(string path, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await Expect.Json(await Http.PutAsJsonAsync(path, body), expected);

    public async Task<JsonObject> AddToCart(string productId, int quantity, HttpStatusCode expected = HttpStatusCode.OK) =>
        await Post("/api/cart/items", new { productId, quantity }, expected);

    public async Task<JsonObject> Checkout(HttpStatusCode expected = HttpStatusCode.Created, string? idempotencyKey = null) =>
        await Post("/api/orders", new { shippingAddress = TestData.Address }, expected, idempotencyKey);

    /// <summary>Opens the verification link in a mail the shop sent this shopper, as its owner would.</summary>
    public async Task VerifyEmail(string mailText)
    {
        var token = System.Text.RegularExpressions.Regex.Match(mailText, @"verify-email\?token=(\S+)").Groups[1].Value;
        Assert.NotEmpty(token);
        await Post("/api/auth/verify-email", new { token }, HttpStatusCode.NoContent);
    }

    public async Task<int> StockOf(string productId) => (await Get($"/api/products/{productId}"))["stock"]!.GetValue<int>();
}

public static class TestData
{
    public static readonly object Address = new { name = "王小明", phone = "13800138000", line1 = "南京路 100 号", city = "上海", province = "上海" };

    public const string ApprovedCard = "4242424242424242";
    public const string DeclinedCard = "4000000000000002";
}

public static class Expect
{
    public static async Task Status(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>The status, and for an error a problem-details body; returns the JSON object (empty for 204).</summary>
    public static async Task<JsonObject> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        await Status(response, expected);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(text)!.AsObject();
            Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
            Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal); // no stack trace
            return problem;
        }

        return text.Length == 0 ? [] : JsonNode.Parse(text) is JsonObject obj ? obj : new JsonObject { ["items"] = JsonNode.Parse(text) };
    }

    public static string[] ErrorFields(JsonObject problem) =>
        problem["errors"]?.AsObject().Select(e => e.Key).ToArray() ?? [];
}
