using System.Net;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Admin;

[Collection(ShopCollection.Name)]
public sealed class AdminOrdersTests(ShopApiFactory factory) : ShopperTest(factory)
{
    [Fact]
    public async Task An_order_goes_from_paid_to_shipped_to_delivered()
    {
        var id = await PaidOrder();
        var shipped = await Admin.Post($"/api/admin/orders/{id}/ship", new { carrier = "顺丰 SF", trackingNumber = "SF100" });
        Assert.Equal("Shipped", shipped["status"]!.GetValue<string>());
        Assert.Equal("SF100", shipped["shipment"]!["trackingNumber"]!.GetValue<string>());

        var delivered = await Admin.Post($"/api/admin/orders/{id}/deliver", null);
        Assert.Equal(["PendingPayment", "Paid", "Shipped", "Delivered"], delivered["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
        var seen = await Shopper.Get($"/api/orders/{id}");
        Assert.Equal("Delivered", seen["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Transitions_out_of_order_are_409()
    {
        await Shopper.AddToCart(await Products.Create(Admin, stock: 5), 1);
        var id = (await Shopper.Checkout())["id"]!.GetValue<string>();

        await Admin.Post($"/api/admin/orders/{id}/ship", new { carrier = "SF", trackingNumber = "1" }, HttpStatusCode.Conflict);
        await Admin.Post($"/api/admin/orders/{id}/deliver", null, HttpStatusCode.Conflict);
        await Admin.Post($"/api/admin/orders/{id}/refund", null, HttpStatusCode.Conflict);

        var paid = await PaidOrder();
        await Admin.Post($"/api/admin/orders/{paid}/ship", new { carrier = "SF", trackingNumber = "1" });
        await Admin.Post($"/api/admin/orders/{paid}/refund", null, HttpStatusCode.Conflict);
        await Admin.Post("/api/admin/orders/0123456789abcdef0123456789abcdef/ship", new { carrier = "SF", trackingNumber = "1" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Shipping_needs_a_carrier_and_tracking_number()
    {
        var id = await PaidOrder();
        var problem = await Admin.Post($"/api/admin/orders/{id}/ship", new { carrier = "", trackingNumber = new string('9', 51) }, HttpStatusCode.BadRequest);
        Assert.Equal(["carrier", "trackingNumber"], Expect.ErrorFields(problem).Order());
        Assert.Equal("Paid", (await Shopper.Get($"/api/orders/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refund_returns_stock()
    {
        var product = await Products.Create(Admin, stock: 6);
        await Shopper.AddToCart(product, 6);
        var id = (await Shopper.Checkout())["id"]!.GetValue<string>();
        await Shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard });
        Assert.Equal(0, await Admin.StockOf(product));

        var refunded = await Admin.Post($"/api/admin/orders/{id}/refund", null);

        Assert.Equal("Refunded", refunded["status"]!.GetValue<string>());
        Assert.Equal(6, await Admin.StockOf(product));
    }

    [Fact]
    public async Task TheAdmin_list_shows_everyShoppers_orders_filtered_by_status()
    {
        var paid = await PaidOrder();
        var other = await ShopClient.NewShopper(Factory);
        await other.AddToCart(await Products.Create(Admin, stock: 5), 1);
        var pending = (await other.Checkout())["id"]!.GetValue<string>();

        var all = await Admin.Get("/api/admin/orders?pageSize=100");
        var paidOnly = await Admin.Get("/api/admin/orders?status=Paid&pageSize=100");
        var allIds = Products.Items(all).Select(o => o!["id"]!.GetValue<string>()).ToList();
        var paidIds = Products.Items(paidOnly).Select(o => o!["id"]!.GetValue<string>()).ToList();

        Assert.Contains(paid, allIds);
        Assert.Contains(pending, allIds);
        Assert.Contains(paid, paidIds);
        Assert.DoesNotContain(pending, paidIds);
        Assert.All(Products.Items(paidOnly), o => Assert.Equal("Paid", o!["status"]!.GetValue<string>()));
        Assert.True(all["total"]!.GetValue<int>() >= paidOnly["total"]!.GetValue<int>());
        var created = Products.Items(all).Select(o => o!["createdAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(created.OrderDescending(), created);
    }

    [Theory]
    [InlineData("status=Lost")]
    [InlineData("status=3")]
    [InlineData("pageSize=500")]
    public async Task BadAdmin_list_queries_are_400(string query)
    {
        await Admin.Get("/api/admin/orders?" + query, HttpStatusCode.BadRequest);
    }

    private async Task<string> PaidOrder()
    {
        await Shopper.AddToCart(await Products.Create(Admin, stock: 5), 1);
        var id = (await Shopper.Checkout())["id"]!.GetValue<string>();
        await Shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard });
        return id;
    }
}
