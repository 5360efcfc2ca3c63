using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Shop.Api.Tests.Support;
using Shop.Grains.Common;

namespace Shop.Api.Tests.Orders;

/// <summary>
/// The business flows a stranger could abuse, attacked through the API: flooding cart writes and
/// checkouts, hoarding stock with unpaid orders, and a price changed under a shopper's feet.
/// </summary>
public sealed class CheckoutAbuseTests : IAsyncLifetime
{
    private const int CartWritesPerMinute = 6;
    // Five: the hoarding test's attempts, so its sixth is the one refused.
    private const int CheckoutsPerMinute = 5;
    private ShopApiFactory _factory = null!;
    private ShopClient _admin = null!;

    public async Task InitializeAsync()
    {
        _factory = new ShopApiFactory();
        _factory.Settings["CART_RATE_LIMIT_PER_MINUTE"] = CartWritesPerMinute.ToString();
        _factory.Settings["ORDER_RATE_LIMIT_PER_MINUTE"] = CheckoutsPerMinute.ToString();
        _factory.Settings["SEED_DEMO_DATA"] = "false";
        _factory.Settings.Remove("MAX_UNPAID_ORDERS"); // the default, 3
        _admin = await ShopClient.Admin(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Cart_writes_beyond_the_per_shopper_limit_get_429_with_retry_after_and_other_shoppers_are_not_affected()
    {
        using var refusals = new MetricCollector<long>(null, ShopMetrics.MeterName, "shop.requests.rate_limited");
        var product = await Products.Create(_admin, stock: 50);
        var flooder = await ShopClient.NewShopper(_factory);
        var neighbour = await ShopClient.NewShopper(_factory);

        for (var i = 0; i < CartWritesPerMinute; i++)
        {
            await flooder.AddToCart(product, 1);
        }

        using var refused = await flooder.Http.PostAsJsonAsync("/api/cart/items", new { productId = product, quantity = 1 });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var problem = await Expect.Json(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(ErrorCodes.RateLimited, (string?)problem["code"]);
        Assert.Equal(1, refusals.GetMeasurementSnapshot().Where(m => m.Tags["limit"] is "cart").Sum(m => m.Value));

        // Same address, another shopper: the per-shopper limit is theirs alone.
        await neighbour.AddToCart(product, 1);
        Assert.Equal(CartWritesPerMinute, (await flooder.Get("/api/cart"))["itemCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_hoarder_cannot_hold_more_than_three_unpaid_orders_of_ten_units_and_a_real_shopper_still_buys()
    {
        var product = await Products.Create(_admin, stock: 40);
        var hoarder = await ShopClient.NewShopper(_factory);

        await hoarder.AddToCart(product, 11);
        var refusedUnits = await hoarder.Checkout(HttpStatusCode.Conflict);
        Assert.Equal(ErrorCodes.OrderTooManyUnits, (string?)refusedUnits["code"]);
        await hoarder.Put($"/api/cart/items/{product}", new { quantity = 10 });
        await hoarder.Checkout();
        for (var i = 0; i < 2; i++)
        {
            await hoarder.AddToCart(product, 10);
            await hoarder.Checkout();
        }

        await hoarder.AddToCart(product, 10);
        var refusedUnpaid = await hoarder.Checkout(HttpStatusCode.Conflict);
        Assert.Equal(ErrorCodes.OrderTooManyUnpaid, (string?)refusedUnpaid["code"]);
        Assert.Equal(3, refusedUnpaid["params"]!["max"]!.GetValue<int>());

        // The checkout limit: this account's next attempt is refused before it reaches the grains.
        var flooded = await hoarder.Checkout(HttpStatusCode.TooManyRequests);
        Assert.Equal(ErrorCodes.RateLimited, (string?)flooded["code"]);

        var shopper = await ShopClient.NewShopper(_factory);
        await shopper.AddToCart(product, 10);
        await shopper.Checkout();
        Assert.Equal(0, await shopper.StockOf(product));
    }

    [Fact]
    public async Task A_price_raised_after_the_shopper_saw_the_total_is_refused_with_the_new_total()
    {
        var product = await Products.Create(_admin, stock: 5, price: 12000);
        var shopper = await ShopClient.NewShopper(_factory);
        var cart = await shopper.AddToCart(product, 1);
        var shown = cart["subtotal"]!.GetValue<long>(); // free shipping from 99 yuan

        await _admin.Put($"/api/admin/products/{product}", new { name = "Raised", description = "", price = 15000, category = "home" });

        var refused = await shopper.Post("/api/orders", new { shippingAddress = TestData.Address, expectedTotal = shown }, HttpStatusCode.Conflict);
        Assert.Equal(ErrorCodes.OrderTotalChanged, (string?)refused["code"]);
        Assert.Equal(15000, refused["params"]!["total"]!.GetValue<long>());
        Assert.Equal(5, await shopper.StockOf(product));

        var placed = await shopper.Post("/api/orders", new { shippingAddress = TestData.Address, expectedTotal = 15000L }, HttpStatusCode.Created);
        Assert.Equal(15000, placed["total"]!.GetValue<long>());
    }
}
