using System.Net;
using System.Text.Json.Nodes;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Admin;

/// <summary>
/// The admin dashboard on a shop of its own (no demo catalog), so every number can be compared
/// exactly with the orders and products the test made.
/// </summary>
public sealed class DashboardTests : OwnShopTest
{
    private const string Zone = "Asia/Shanghai";

    [Fact]
    public async Task The_numbers_are_exactly_those_of_the_orders_and_products_made()
    {
        var kettle = await Create("Kettle", price: 5000, stock: 100, threshold: 3);
        var sofa = await Create("Sofa", price: 100_000, stock: 100);
        var lamp = await Create("Lamp", price: 1000, stock: 5);           // 5 <= 10 (the default): low
        var rug = await Create("Rug", price: 1000, stock: 15, threshold: 20); // 15 <= 20: low
        var gone = await Create("Old vase", price: 1000, stock: 0);
        await Admin.Http.DeleteAsync($"/api/admin/products/{gone}");  // archived: never listed

        var delivered = await Order((kettle, 4), (sofa, 1));
        await Pay(delivered);
        await Admin.Post($"/api/admin/orders/{delivered.Id}/ship", new { carrier = "SF", trackingNumber = "SF1" });
        await Admin.Post($"/api/admin/orders/{delivered.Id}/deliver", null);
        var refunded = await Order((kettle, 2));
        await Pay(refunded);
        await Admin.Post($"/api/admin/orders/{refunded.Id}/refund", null);
        var paid = await Order((sofa, 2), (kettle, 1));
        await Pay(paid);
        var unpaid = await Order((kettle, 1));
        var cancelled = await Order((kettle, 1));
        await cancelled.Shopper.Post($"/api/orders/{cancelled.Id}/cancel", null);

        // The read model is written after each change, one-way: wait until it has all five orders' last states.
        var dashboard = await Eventually(
            () => Admin.Get($"/api/admin/dashboard?tz={Zone}"),
            d => d["ordersByStatus"]!["Cancelled"]!.GetValue<int>() == 1 && d["ordersByStatus"]!["Delivered"]!.GetValue<int>() == 1);

        Assert.Equal(Zone, (string?)dashboard["timeZone"]);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Zone)).ToString("yyyy-MM-dd");
        Assert.Equal((today, 5, delivered.Total + paid.Total), Day(dashboard["today"]!));
        Assert.Equal(0, dashboard["yesterday"]!["orders"]!.GetValue<int>());
        var days = dashboard["last30Days"]!.AsArray();
        Assert.Equal(30, days.Count);
        Assert.Equal(Day(dashboard["today"]!), Day(days[^1]!));
        Assert.Equal(5, days.Sum(d => d!["orders"]!.GetValue<int>()));
        Assert.Equal(
            new Dictionary<string, int> { ["PendingPayment"] = 1, ["Paid"] = 1, ["Shipped"] = 0, ["Delivered"] = 1, ["Cancelled"] = 1, ["Refunded"] = 1 },
            dashboard["ordersByStatus"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>()));

        var low = dashboard["lowStock"]!;
        Assert.Equal(2, low["total"]!.GetValue<int>());
        Assert.Equal([(lamp, 5, 10), (rug, 15, 20)],
            low["items"]!.AsArray().Select(p => ((string)p!["id"]!, p["stock"]!.GetValue<int>(), p["threshold"]!.GetValue<int>())));

        var expiring = dashboard["expiringUnpaid"]!.AsArray().Single()!;
        Assert.Equal(unpaid.Id, (string?)expiring["id"]);
        Assert.Equal(unpaid.Total, expiring["total"]!.GetValue<long>());
        Assert.Equal(unpaid.Deadline, expiring["paymentDeadline"]!.GetValue<DateTimeOffset>());

        // Best sellers: only paid orders count (the refunded and the unpaid ones do not).
        var byUnits = await Admin.Get($"/api/admin/dashboard/top-products?tz={Zone}&from={today}&to={today}");
        Assert.Equal([(kettle, "Kettle", 5L, 25_000L), (sofa, "Sofa", 3L, 300_000L)], Top(byUnits));
        var byRevenue = await Admin.Get($"/api/admin/dashboard/top-products?tz={Zone}&by=revenue");
        Assert.Equal([(sofa, "Sofa", 3L, 300_000L), (kettle, "Kettle", 5L, 25_000L)], Top(byRevenue));
        Assert.Equal(today, (string?)byRevenue["to"]);
    }

    [Theory]
    [InlineData("/api/admin/dashboard?tz=Mars/Olympus")]
    [InlineData("/api/admin/dashboard?tz=China%20Standard%20Time")] // a Windows name: the stores know IANA names only
    [InlineData("/api/admin/dashboard/top-products?from=2026-12-07&to=2026-12-01")]
    [InlineData("/api/admin/dashboard/top-products?from=2025-01-01&to=2026-12-01")]
    [InlineData("/api/admin/dashboard/top-products?from=yesterday")]
    [InlineData("/api/admin/dashboard/top-products?by=price")]
    [InlineData("/api/admin/dashboard/top-products?from=9999-12-31")]
    [InlineData("/api/admin/dashboard/top-products?to=0001-01-01")]
    public async Task Bad_parameters_are_a_400_problem(string path)
    {
        var problem = await Admin.Get(path, HttpStatusCode.BadRequest);
        Assert.Equal(400, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task OnlyAdmins_see_it()
    {
        var shopper = await ShopClient.NewShopper(Factory);
        await shopper.Get("/api/admin/dashboard", HttpStatusCode.Forbidden);
        using var anonymous = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/dashboard/top-products")).StatusCode);
    }

    private sealed record Placed(ShopClient Shopper, string Id, long Total, DateTimeOffset Deadline);

    private async Task<string> Create(string name, long price, int stock, int? threshold = null)
    {
        var product = await Admin.Post("/api/admin/products", new
        {
            name, description = "", price, category = "home", stock, lowStockThreshold = threshold,
        }, HttpStatusCode.Created);
        Assert.Equal(threshold, product["lowStockThreshold"]?.GetValue<int>());
        return (string)product["id"]!;
    }

    private async Task<Placed> Order(params (string Product, int Quantity)[] lines)
    {
        var shopper = await ShopClient.NewShopper(Factory);
        foreach (var (product, quantity) in lines)
        {
            await shopper.AddToCart(product, quantity);
        }

        var order = await shopper.Checkout();
        return new Placed(shopper, (string)order["id"]!, order["total"]!.GetValue<long>(), order["paymentDeadline"]!.GetValue<DateTimeOffset>());
    }

    private static Task Pay(Placed order) =>
        order.Shopper.Post($"/api/orders/{order.Id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard });

    private static (string, int, long) Day(JsonNode day) =>
        ((string)day["day"]!, day["orders"]!.GetValue<int>(), day["revenue"]!.GetValue<long>());

    private static List<(string, string, long, long)> Top(JsonObject top) =>
        [.. top["items"]!.AsArray().Select(p => ((string)p!["id"]!, (string)p["name"]!, p["units"]!.GetValue<long>(), p["revenue"]!.GetValue<long>()))];

    private static async Task<JsonObject> Eventually(Func<Task<JsonObject>> read, Func<JsonObject, bool> done)
    {
        for (var tries = 0; ; tries++)
        {
            var value = await read();
            if (done(value) || tries == 50)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}
