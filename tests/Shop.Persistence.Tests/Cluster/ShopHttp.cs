using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.Persistence.Tests.Cluster;

/// <summary>
/// The answer to one request. Acknowledged (2xx): it happened. Refused (a 4xx other than 401): by the
/// API's contract nothing changed. Anything else (5xx, 401, no answer): it may or may not have happened.
/// </summary>
public sealed record Reply<T>(HttpStatusCode? Status, T? Body)
{
    public bool Acknowledged => Status is { } s && (int)s is >= 200 and < 300;

    // A 401 for a token that was valid a moment ago would be the cluster failing, not the token.
    public bool Refused => Status is { } s && (int)s is >= 400 and < 500 && s != HttpStatusCode.Unauthorized;

    public bool Unknown => !Acknowledged && !Refused;

    public T Expect(string what) =>
        Acknowledged && Body is not null ? Body : throw new InvalidOperationException($"{what}: answered {(Status is { } s ? (int)s : "nothing")}.");
}

public sealed record Auth(string Token, AuthUser User);

public sealed record AuthUser(string Id, string Email);

public sealed record Line(string ProductId, int Quantity);

public sealed record Cart(List<Line> Items);

public sealed record Order(string Id, string UserId, string Status, List<Line> Items, DateTimeOffset? PaymentDeadline = null);

public sealed record Page<T>(List<T> Items, int Total);

public sealed record Product(string Id, int Stock);

public sealed record NoBody;

/// <summary>The shop's HTTP API as the cluster tests use it; no call throws for an HTTP or network failure.</summary>
public sealed class ShopHttp(Uri baseUrl) : IDisposable
{
    public const string ApprovedCard = "4242424242424242";

    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    // Longer than the API node's Orleans response timeout, so during a failover the API gives its verdict first.
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(40) };

    public static readonly object Address = new { name = "王小明", phone = "13800138000", line1 = "南京路 100 号", city = "上海" };

    public Task<Reply<Auth>> Register(string email, string password, CancellationToken ct) =>
        Send<Auth>(HttpMethod.Post, "/api/auth/register", null, new { email, password, name = "Shopper" }, ct: ct);

    public Task<Reply<NoBody>> VerifyEmail(string token, CancellationToken ct) =>
        Send<NoBody>(HttpMethod.Post, "/api/auth/verify-email", null, new { token }, ct: ct);

    public Task<Reply<Auth>> Login(string email, string password, CancellationToken ct) =>
        Send<Auth>(HttpMethod.Post, "/api/auth/login", null, new { email, password }, ct: ct);

    public Task<Reply<NoBody>> Me(string token, CancellationToken ct) => Send<NoBody>(HttpMethod.Get, "/api/auth/me", token, ct: ct);

    public Task<Reply<Product>> CreateProduct(string adminToken, string name, long price, int stock, CancellationToken ct) =>
        Send<Product>(HttpMethod.Post, "/api/admin/products", adminToken,
            new { name, description = "cluster test product", price, category = "phones", stock }, ct: ct);

    public Task<Reply<Product>> SetStock(string adminToken, string productId, int stock, CancellationToken ct) =>
        Send<Product>(HttpMethod.Put, $"/api/admin/products/{productId}/stock", adminToken, new { stock }, ct: ct);

    public Task<Reply<Product>> Product(string productId, CancellationToken ct) =>
        Send<Product>(HttpMethod.Get, $"/api/products/{productId}", null, ct: ct);

    public Task<Reply<Cart>> GetCart(string token, CancellationToken ct) => Send<Cart>(HttpMethod.Get, "/api/cart", token, ct: ct);

    public Task<Reply<Cart>> AddToCart(string token, string productId, int quantity, CancellationToken ct) =>
        Send<Cart>(HttpMethod.Post, "/api/cart/items", token, new { productId, quantity }, ct: ct);

    public Task<Reply<Cart>> SetQuantity(string token, string productId, int quantity, CancellationToken ct) =>
        Send<Cart>(HttpMethod.Put, $"/api/cart/items/{productId}", token, new { quantity }, ct: ct);

    public Task<Reply<Order>> Checkout(string token, string idempotencyKey, CancellationToken ct) =>
        Send<Order>(HttpMethod.Post, "/api/orders", token, new { shippingAddress = Address }, idempotencyKey, ct);

    public Task<Reply<Order>> GetOrder(string token, string orderId, CancellationToken ct) =>
        Send<Order>(HttpMethod.Get, $"/api/orders/{orderId}", token, ct: ct);

    public Task<Reply<Order>> Pay(string token, string orderId, CancellationToken ct) =>
        Send<Order>(HttpMethod.Post, $"/api/orders/{orderId}/pay", token, new { method = "card", cardNumber = ApprovedCard }, Guid.NewGuid().ToString("N"), ct);

    public Task<Reply<Order>> Cancel(string token, string orderId, CancellationToken ct) =>
        Send<Order>(HttpMethod.Post, $"/api/orders/{orderId}/cancel", token, new { }, ct: ct);

    public Task<Reply<Order>> Ship(string adminToken, string orderId, CancellationToken ct) =>
        Send<Order>(HttpMethod.Post, $"/api/admin/orders/{orderId}/ship", adminToken, new { carrier = "SF", trackingNumber = "SF100" }, ct: ct);

    /// <summary>Every order on a paged list (the caller's, or with an admin token /api/admin/orders).</summary>
    public async Task<List<Order>> AllOrders(string token, string path, CancellationToken ct)
    {
        var orders = new List<Order>();
        for (var page = 1; ; page++)
        {
            var reply = (await Send<Page<Order>>(HttpMethod.Get, $"{path}?page={page}&pageSize=100", token, ct: ct)).Expect($"GET {path}");
            orders.AddRange(reply.Items);
            if (reply.Items.Count == 0 || orders.Count >= reply.Total)
            {
                return orders;
            }
        }
    }

    public async Task<Reply<T>> Send<T>(
        HttpMethod method, string path, string? token, object? body = null, string? idempotencyKey = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        try
        {
            using var response = await _http.SendAsync(request, ct);
            var value = response.IsSuccessStatusCode && typeof(T) != typeof(NoBody)
                ? await response.Content.ReadFromJsonAsync<T>(Json, ct)
                : default;
            return new Reply<T>(response.StatusCode, value);
        }
        catch (HttpRequestException)
        {
            return new Reply<T>(null, default);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Reply<T>(null, default); // the client's own timeout
        }
    }

    public void Dispose() => _http.Dispose();
}
