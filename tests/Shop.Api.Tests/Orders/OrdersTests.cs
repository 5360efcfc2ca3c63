using System.Net;
using System.Net.Http.Json;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Orders;

[Collection(ShopCollection.Name)]
public sealed class OrdersTests(ShopApiFactory factory) : ShopperTest(factory)
{
    [Fact]
    public async Task Checkout_reserves_stock_empties_the_cart_and_waits_for_payment()
    {
        var product = await Products.Create(Admin, stock: 10, price: 4000);
        await Shopper.AddToCart(product, 3);

        var order = await Shopper.Checkout();

        Assert.Equal("PendingPayment", order["status"]!.GetValue<string>());
        Assert.Equal(Shopper.UserId, order["userId"]!.GetValue<string>());
        Assert.Equal(12000, order["subtotal"]!.GetValue<long>());
        Assert.Equal(0, order["shippingFee"]!.GetValue<long>()); // free from ¥99
        Assert.Equal(12000, order["total"]!.GetValue<long>());
        Assert.Equal("上海", order["shippingAddress"]!["city"]!.GetValue<string>());
        var deadline = order["paymentDeadline"]!.GetValue<DateTimeOffset>() - order["createdAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(deadline, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(31));
        Assert.Equal(7, await Shopper.StockOf(product));
        Assert.Empty((await Shopper.Get("/api/cart"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Small_orders_pay_for_shipping()
    {
        await Shopper.AddToCart(await Products.Create(Admin, stock: 10, price: 1500), 1);
        var order = await Shopper.Checkout();
        Assert.Equal(1000, order["shippingFee"]!.GetValue<long>());
        Assert.Equal(2500, order["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_empty_cart_cannot_be_checked_out()
    {
        await Shopper.Checkout(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_bad_address_is_400_and_reserves_nothing()
    {
        var product = await Products.Create(Admin, stock: 10);
        await Shopper.AddToCart(product, 1);

        var problem = await Shopper.Post("/api/orders",
            new { shippingAddress = new { name = "", phone = "abc", line1 = new string('x', 201), city = "上海" } }, HttpStatusCode.BadRequest);

        Assert.Equal(["shippingAddress.line1", "shippingAddress.name", "shippingAddress.phone"], Expect.ErrorFields(problem).Order());
        Assert.Equal(10, await Shopper.StockOf(product));
        Assert.Single((await Shopper.Get("/api/cart"))["items"]!.AsArray());
        await Shopper.Post("/api/orders", new { }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_repeated_idempotency_key_returns_the_first_order_and_makes_no_second()
    {
        var product = await Products.Create(Admin, stock: 10);
        await Shopper.AddToCart(product, 2);
        var key = Guid.NewGuid().ToString();

        var first = await Shopper.Checkout(idempotencyKey: key);
        await Shopper.AddToCart(product, 1); // a new cart line must not be swept into a replay
        var again = await Shopper.Checkout(HttpStatusCode.Created, idempotencyKey: key);

        Assert.Equal(first["id"]!.GetValue<string>(), again["id"]!.GetValue<string>());
        Assert.Equal(8, await Shopper.StockOf(product));
        Assert.Equal(1, (await Shopper.Get("/api/orders"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await Shopper.Get("/api/cart"))["itemCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_idempotency_key_longer_than_100_characters_is_refused()
    {
        await Shopper.AddToCart(await Products.Create(Admin, stock: 10), 1);
        var problem = await Shopper.Checkout(HttpStatusCode.BadRequest, idempotencyKey: new string('k', 101));
        Assert.Equal(["Idempotency-Key"], Expect.ErrorFields(problem));
        Assert.Equal(0, (await Shopper.Get("/api/orders"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Checkout_short_of_stock_is_409_naming_the_product_and_releases_everything()
    {
        var plenty = await Products.Create(Admin, stock: 10);
        var scarce = await Products.Create(Admin, stock: 5);
        await Shopper.AddToCart(plenty, 4);
        await Shopper.AddToCart(scarce, 5);
        await Admin.Put($"/api/admin/products/{scarce}/stock", new { stock = 2 });

        var problem = await Shopper.Checkout(HttpStatusCode.Conflict);

        Assert.Equal([scarce], Expect.ErrorFields(problem));
        Assert.Equal(10, await Shopper.StockOf(plenty));
        Assert.Equal(2, await Shopper.StockOf(scarce));
        Assert.Equal(9, (await Shopper.Get("/api/cart"))["itemCount"]!.GetValue<int>());
        Assert.Equal(0, (await Shopper.Get("/api/orders"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task TwoShoppers_racing_for_the_last_units_never_oversell()
    {
        var product = await Products.Create(Admin, stock: 3);
        var shoppers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ShopClient.NewShopper(Factory)));
        foreach (var shopper in shoppers)
        {
            await shopper.AddToCart(product, 1);
        }

        var results = await Task.WhenAll(shoppers.Select(s => s.Http.PostAsJsonAsync("/api/orders", new { shippingAddress = TestData.Address })));

        Assert.Equal(3, results.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(0, await Admin.StockOf(product));
    }

    [Fact]
    public async Task Orders_are_listed_newest_first_and_only_to_their_owner()
    {
        var product = await Products.Create(Admin, stock: 10);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await Shopper.AddToCart(product, 1);
            ids.Add((await Shopper.Checkout())["id"]!.GetValue<string>());
        }

        var list = await Shopper.Get("/api/orders?pageSize=2");
        Assert.Equal(3, list["total"]!.GetValue<int>());
        Assert.Equal([ids[2], ids[1]], Products.Items(list).Select(o => o!["id"]!.GetValue<string>()));

        var stranger = await ShopClient.NewShopper(Factory);
        Assert.Equal(0, (await stranger.Get("/api/orders"))["total"]!.GetValue<int>());
        await stranger.Get($"/api/orders/{ids[0]}", HttpStatusCode.NotFound);
        await stranger.Post($"/api/orders/{ids[0]}/cancel", null, HttpStatusCode.NotFound);
        await stranger.Post($"/api/orders/{ids[0]}/pay", new { method = "card", cardNumber = TestData.ApprovedCard }, HttpStatusCode.NotFound);
        Assert.Equal("PendingPayment", (await Shopper.Get($"/api/orders/{ids[0]}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_declined_card_is_402_and_the_order_can_still_be_paid()
    {
        var order = await PlaceOrder();
        var id = order["id"]!.GetValue<string>();

        var declined = await Shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.DeclinedCard }, HttpStatusCode.PaymentRequired);
        Assert.Contains("declined", declined["detail"]!.GetValue<string>());
        Assert.Equal("PendingPayment", (await Shopper.Get($"/api/orders/{id}"))["status"]!.GetValue<string>());

        var paid = await Shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = "4242 4242 4242 4242" }, idempotencyKey: "pay-1");
        Assert.Equal("Paid", paid["status"]!.GetValue<string>());
        Assert.Equal("4242", paid["payment"]!["last4"]!.GetValue<string>());
        Assert.Equal(["PendingPayment", "Paid"], paid["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("1234567812345678", "card")]
    [InlineData("4242", "card")]
    [InlineData("not a number", "card")]
    [InlineData(TestData.ApprovedCard, "cash")]
    public async Task Invalid_payment_details_are_400_and_leave_the_order_unpaid(string cardNumber, string method)
    {
        var id = (await PlaceOrder())["id"]!.GetValue<string>();
        await Shopper.Post($"/api/orders/{id}/pay", new { method, cardNumber }, HttpStatusCode.BadRequest);
        Assert.Equal("PendingPayment", (await Shopper.Get($"/api/orders/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_repeated_payment_key_returns_the_paid_order_but_a_new_payment_is_409()
    {
        var id = (await PlaceOrder())["id"]!.GetValue<string>();
        var first = await Shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard }, idempotencyKey: "same");
        var replay = await Shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard }, idempotencyKey: "same");
        Assert.Equal(first["payment"]!["id"]!.GetValue<string>(), replay["payment"]!["id"]!.GetValue<string>());

        await Shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard }, HttpStatusCode.Conflict, idempotencyKey: "other");
    }

    [Fact]
    public async Task Cancelling_before_payment_returns_the_stock_once()
    {
        var product = await Products.Create(Admin, stock: 10);
        await Shopper.AddToCart(product, 4);
        var id = (await Shopper.Checkout())["id"]!.GetValue<string>();

        var cancelled = await Shopper.Post($"/api/orders/{id}/cancel", null);
        var again = await Shopper.Post($"/api/orders/{id}/cancel", null);

        Assert.Equal("Cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Equal("Cancelled", again["status"]!.GetValue<string>());
        Assert.Equal(10, await Shopper.StockOf(product));
        await Shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancelling_a_paid_order_refunds_it_and_returns_the_stock()
    {
        var product = await Products.Create(Admin, stock: 10);
        await Shopper.AddToCart(product, 2);
        var id = (await Shopper.Checkout())["id"]!.GetValue<string>();
        await Shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard });

        var refunded = await Shopper.Post($"/api/orders/{id}/cancel", null);

        Assert.Equal("Refunded", refunded["status"]!.GetValue<string>());
        Assert.Equal(10, await Shopper.StockOf(product));
        await Admin.Post($"/api/admin/orders/{id}/refund", null);
        Assert.Equal(10, await Shopper.StockOf(product));
    }

    [Fact]
    public async Task A_shipped_order_cannot_be_cancelled()
    {
        var id = (await PlaceOrder())["id"]!.GetValue<string>();
        await Shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard });
        await Admin.Post($"/api/admin/orders/{id}/ship", new { carrier = "SF Express", trackingNumber = "SF1234567890" });

        await Shopper.Post($"/api/orders/{id}/cancel", null, HttpStatusCode.Conflict);
        Assert.Equal("Shipped", (await Shopper.Get($"/api/orders/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Orders_need_a_signed_inShopper()
    {
        var anonymous = new ShopClient(Factory.CreateClient());
        await anonymous.Get("/api/orders", HttpStatusCode.Unauthorized);
        await anonymous.Post("/api/orders", new { shippingAddress = TestData.Address }, HttpStatusCode.Unauthorized);
    }

    private async Task<System.Text.Json.Nodes.JsonObject> PlaceOrder()
    {
        await Shopper.AddToCart(await Products.Create(Admin, stock: 10), 1);
        return await Shopper.Checkout();
    }
}
