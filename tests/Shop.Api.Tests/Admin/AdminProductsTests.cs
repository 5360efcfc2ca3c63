using System.Net;
using System.Net.Http.Json;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Admin;

[Collection(ShopCollection.Name)]
public sealed class AdminProductsTests(ShopApiFactory factory) : IAsyncLifetime
{
    private ShopClient _admin = null!;

    public async Task InitializeAsync() => _admin = await ShopClient.Admin(factory);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Admin_routes_are_401_for_strangers_and_403_for_customers()
    {
        var anonymous = new ShopClient(factory.CreateClient());
        var customer = await ShopClient.NewShopper(factory);
        var body = new { name = "X", description = "", price = 100, category = "home", stock = 1 };

        await anonymous.Post("/api/admin/products", body, HttpStatusCode.Unauthorized);
        await customer.Post("/api/admin/products", body, HttpStatusCode.Forbidden);
        await customer.Get("/api/admin/orders", HttpStatusCode.Forbidden);
        await customer.Put("/api/admin/products/0123456789abcdef0123456789abcdef/stock", new { stock = 5 }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_stock_write_from_a_screen_older_than_the_product_is_refused_with_412_and_changes_nothing()
    {
        var product = await Products.Create(_admin, stock: 20);
        using var read = await _admin.Http.GetAsync($"/api/products/{product}");
        var etag = read.Headers.ETag!.ToString();

        // A shopper's order takes 3 while the admin looks at the old screen.
        var shopper = await ShopClient.NewShopper(factory);
        await shopper.AddToCart(product, 3);
        await shopper.Checkout();

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/products/{product}/stock") { Content = JsonContent.Create(new { stock = 30 }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var refused = await Expect.Json(await _admin.Http.SendAsync(stale), HttpStatusCode.PreconditionFailed);
        Assert.Equal("product.changed", (string?)refused["code"]);
        Assert.Equal(17, refused["params"]!["stock"]!.GetValue<int>());
        Assert.Equal(17, await _admin.StockOf(product));

        using var reread = await _admin.Http.GetAsync($"/api/products/{product}");
        using var fresh = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/products/{product}/stock") { Content = JsonContent.Create(new { stock = 27 }) };
        fresh.Headers.TryAddWithoutValidation("If-Match", reread.Headers.ETag!.ToString());
        using var saved = await _admin.Http.SendAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(reread.Headers.ETag, saved.Headers.ETag);
        Assert.Equal(27, await _admin.StockOf(product));

        using var garbage = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/products/{product}") { Content = JsonContent.Create(new { name = "X", description = "", price = 100, category = "home" }) };
        garbage.Headers.TryAddWithoutValidation("If-Match", "\"not-a-revision\"");
        await Expect.Json(await _admin.Http.SendAsync(garbage), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_created_product_is_found_by_shoppers_at_once()
    {
        var word = "Zephyr" + Guid.NewGuid().ToString("N")[..6];
        var created = await _admin.Post("/api/admin/products", new
        {
            name = $"新品 {word} 保温杯",
            description = "316 不锈钢 vacuum flask\n\t500 ml",
            price = 12900,
            category = "kitchen",
            brand = "Thermos",
            stock = 12,
            attributes = new Dictionary<string, string> { ["容量"] = "500ml" },
        }, HttpStatusCode.Created);

        var id = created["id"]!.GetValue<string>();
        Assert.Equal(12, created["stock"]!.GetValue<int>());
        Assert.Equal("316 不锈钢 vacuum flask\n\t500 ml", created["description"]!.GetValue<string>());
        Assert.NotEmpty(created["images"]!.AsArray());
        var found = await new ShopClient(factory.CreateClient()).Get($"/api/products?q={word.ToLowerInvariant()}");
        Assert.Equal(id, Assert.Single(Products.Items(found))!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"name":"A","description":"","price":-5,"category":"home","stock":1}""", "price")]
    [InlineData("""{"name":"A","description":"","price":0,"category":"home","stock":1}""", "price")]
    [InlineData("""{"name":"A","description":"","price":99999999999999,"category":"home","stock":1}""", "price")]
    [InlineData("""{"name":"A","description":"","price":100,"category":"nope","stock":1}""", "category")]
    [InlineData("""{"name":"A","description":"","price":100,"category":"home","stock":-1}""", "stock")]
    [InlineData("""{"name":"A","description":"","price":100,"category":"home"}""", "stock")]
    [InlineData("""{"name":"A\u0007","description":"","price":100,"category":"home","stock":1}""", "name")]
    [InlineData("""{"name":"Lamp \u202Eredaol","description":"","price":100,"category":"home","stock":1}""", "name")]
    [InlineData("""{"name":"A","description":"zero\u200Bwidth","price":100,"category":"home","stock":1}""", "description")]
    [InlineData("""{"name":"A","price":100,"category":"home","stock":1}""", "description")]
    [InlineData("""{"name":"A","description":"ok\nbut\u0000","price":100,"category":"home","stock":1}""", "description")]
    [InlineData("""{"name":"","description":"","price":100,"category":"home","stock":1}""", "name")]
    [InlineData("""{"name":"A","description":"","price":100,"category":"home","stock":1,"images":["javascript:alert(1)"]}""", "images")]
    public async Task Bad_products_are_refused_naming_the_field_and_nothing_is_created(string body, string field)
    {
        var before = (await _admin.Get("/api/products?pageSize=1"))["total"]!.GetValue<int>();
        var response = await _admin.Http.PostAsync("/api/admin/products", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await Expect.Json(response, HttpStatusCode.BadRequest);
        Assert.Contains(field, Expect.ErrorFields(problem));
        Assert.Equal(before, (await _admin.Get("/api/products?pageSize=1"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Over_long_names_and_descriptions_are_refused()
    {
        var problem = await _admin.Post("/api/admin/products",
            new { name = new string('名', 101), description = new string('d', 5001), price = 100, category = "home", stock = 1 },
            HttpStatusCode.BadRequest);
        Assert.Equal(["description", "name"], Expect.ErrorFields(problem).Order());
    }

    [Fact]
    public async Task Updating_changes_details_and_keeps_stock_unless_given()
    {
        var id = await Products.Create(_admin, stock: 7);
        var updated = await _admin.Put($"/api/admin/products/{id}", new { name = "改名 Renamed", description = "新描述", price = 5555, category = "books", brand = "NewBrand" });
        Assert.Equal("改名 Renamed", updated["name"]!.GetValue<string>());
        Assert.Equal(5555, updated["price"]!.GetValue<long>());
        Assert.Equal("books", updated["category"]!.GetValue<string>());
        Assert.Equal(7, updated["stock"]!.GetValue<int>());

        var restocked = await _admin.Put($"/api/admin/products/{id}", new { name = "改名 Renamed", description = "", price = 5555, category = "books", stock = 30 });
        Assert.Equal(30, restocked["stock"]!.GetValue<int>());
        await _admin.Put("/api/admin/products/0123456789abcdef0123456789abcdef", new { name = "X", description = "", price = 1, category = "home" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Setting_stock_keeps_open_reservations_apart()
    {
        var id = await Products.Create(_admin, stock: 10);
        var shopper = await ShopClient.NewShopper(factory);
        await shopper.AddToCart(id, 4);
        await shopper.Checkout();

        var product = await _admin.Put($"/api/admin/products/{id}/stock", new { stock = 20 });
        Assert.Equal(20, product["stock"]!.GetValue<int>());
        await _admin.Put($"/api/admin/products/{id}/stock", new { stock = -1 }, HttpStatusCode.BadRequest);
        await _admin.Put($"/api/admin/products/{id}/stock", new { stock = 2_000_000 }, HttpStatusCode.BadRequest);
        Assert.Equal(20, await _admin.StockOf(id));
    }

    [Fact]
    public async Task An_archived_product_is_kept_in_past_orders()
    {
        var id = await Products.Create(_admin, stock: 10, name: "将下架 Retiring");
        var shopper = await ShopClient.NewShopper(factory);
        await shopper.AddToCart(id, 1);
        var order = await shopper.Checkout();

        await Expect.Status(await _admin.Http.DeleteAsync($"/api/admin/products/{id}"), HttpStatusCode.NoContent);

        var kept = await shopper.Get($"/api/orders/{order["id"]!.GetValue<string>()}");
        Assert.Equal("将下架 Retiring", kept["items"]![0]!["name"]!.GetValue<string>());
        await Expect.Json(await _admin.Http.DeleteAsync($"/api/admin/products/{id}"), HttpStatusCode.NotFound);
    }
}
