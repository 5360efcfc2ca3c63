using System.Net;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Admin;

[Collection(ShopCollection.Name)]
public sealed class AdminOrdersTests(ShopApiFactory factory) : ShopperTest(factory)
{
    [Theory]
    [InlineData("ship")]
    [InlineData("deliver")]
    [InlineData("refund")]
    public async Task An_action_on_a_blank_order_id_is_404_not_500(string action)
    {
        // Found by the hostile-input test: a blank id reached Orleans, which refuses it with an exception.
        await Admin.Post($"/api/admin/orders/%20/{action}", new { carrier = "SF", trackingNumber = "1" }, HttpStatusCode.NotFound);
    }

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

        // Index rows arrive one-way: wait until both orders are listed, the paid one as paid.
        static bool Lists(System.Text.Json.Nodes.JsonObject page, string id) => Products.Items(page).Any(o => o!["id"]!.GetValue<string>() == id);
        System.Text.Json.Nodes.JsonObject all, paidOnly;
        var tries = 0;
        do
        {
            await Task.Delay(tries++ == 0 ? 0 : 200);
            all = await Admin.Get("/api/admin/orders?pageSize=100");
            paidOnly = await Admin.Get("/api/admin/orders?status=Paid&pageSize=100");
        }
        while (tries < 50 && !(Lists(all, paid) && Lists(all, pending) && Lists(paidOnly, paid)));

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

    [Fact]
    public async Task Paging_through_the_admin_list_sees_every_order_once_newest_first()
    {
        var product = await Products.Create(Admin, stock: 50);
        var placed = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            await Shopper.AddToCart(product, 1);
            placed.Add((await Shopper.Checkout())["id"]!.GetValue<string>());
        }

        // Index rows arrive one-way: wait until this shopper's orders are all listed.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<System.Text.Json.Nodes.JsonNode> all;
        do
        {
            all = [];
            for (var page = 1; ; page++)
            {
                var items = Products.Items(await Admin.Get($"/api/admin/orders?status=PendingPayment&pageSize=3&page={page}"));
                all.AddRange(items.Select(i => i!));
                if (items.Count < 3)
                {
                    break;
                }
            }
        }
        while (placed.Except(all.Select(o => o["id"]!.GetValue<string>())).Any() && DateTime.UtcNow < deadline && await Delay());

        var ids = all.Select(o => o["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Subset(ids.ToHashSet(), placed.ToHashSet());
        var mine = ids.Where(placed.Contains).ToList();
        Assert.Equal(Enumerable.Reverse(placed), mine);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }

    [Fact]
    public async Task The_admin_list_finds_a_customers_orders_by_email_number_and_date_and_sorts_by_total()
    {
        var product = await Products.Create(Admin, stock: 50, price: 10000);
        var placed = new List<(string Id, long Total)>();
        foreach (var quantity in new[] { 3, 1, 2 })
        {
            await Shopper.AddToCart(product, quantity);
            var order = await Shopper.Checkout();
            placed.Add((order["id"]!.GetValue<string>(), order["total"]!.GetValue<long>()));
        }

        var email = Uri.EscapeDataString(Shopper.Email.ToUpperInvariant()); // any case
        var byTotal = await Eventually($"/api/admin/orders?email={email}&sort=total&order=asc", page => Products.Items(page).Count == 3);
        Assert.Equal(placed.OrderBy(p => p.Total).Select(p => p.Id), Ids(byTotal));
        Assert.Equal(3, byTotal["total"]!.GetValue<int>());

        var number = placed[1].Id[^8..].ToUpperInvariant();
        Assert.Equal([placed[1].Id], Ids(await Admin.Get($"/api/admin/orders?q={number[..6].ToLowerInvariant()}&email={email}")));

        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
        Assert.Empty(Ids(await Admin.Get($"/api/admin/orders?email={email}&from={since}")));
        Assert.Equal(3, Ids(await Admin.Get($"/api/admin/orders?email={email}&to={since}")).Count);
    }

    [Fact]
    public async Task Walking_the_admin_list_by_cursor_sees_every_order_once_in_order()
    {
        var product = await Products.Create(Admin, stock: 50);
        for (var i = 0; i < 5; i++)
        {
            await Shopper.AddToCart(product, 1);
            await Shopper.Checkout();
        }

        var email = Uri.EscapeDataString(Shopper.Email);
        await Eventually($"/api/admin/orders?email={email}", page => Products.Items(page).Count == 5);
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Admin.Get($"/api/admin/orders?email={email}&pageSize=2" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(Ids(page));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null && seen.Count < 10);

        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(Ids(await Admin.Get($"/api/admin/orders?email={email}")), seen);
    }

    private async Task<System.Text.Json.Nodes.JsonObject> Eventually(string path, Func<System.Text.Json.Nodes.JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        System.Text.Json.Nodes.JsonObject page;
        while (!done(page = await Admin.Get(path)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return page;
    }

    private static List<string> Ids(System.Text.Json.Nodes.JsonObject page) => Products.Items(page).Select(o => o!["id"]!.GetValue<string>()).ToList();

    [Theory]
    [InlineData("status=Lost")]
    [InlineData("status=3")]
    [InlineData("pageSize=500")]
    [InlineData("sort=status")]
    [InlineData("order=up")]
    [InlineData("q=AB-12")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")]
    [InlineData("from=yesterday")]
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
