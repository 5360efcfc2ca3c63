using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Live;

[Collection(ShopCollection.Name)]
public sealed class LiveTests(ShopApiFactory factory) : ShopperTest(factory)
{
    [Fact]
    public async Task A_shopper_sees_their_cart_and_orders_change_as_they_happen()
    {
        var product = await Products.Create(Admin, stock: 5);
        await using var live = await LiveStream.Open(Shopper);
        Assert.Equal("resync", (await live.Next()).Type);

        await Shopper.AddToCart(product, 1);
        Assert.Equal("cart", (await live.Next()).Type);

        var id = (await Shopper.Checkout())["id"]!.GetValue<string>();
        await Shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard });
        await Admin.Post($"/api/admin/orders/{id}/ship", new { carrier = "SF", trackingNumber = "SF1" });

        var seen = new List<string>();
        while (!seen.Contains("Shipped"))
        {
            var (type, data, _) = await live.Next();
            if (type == "order")
            {
                Assert.Equal(id, data["orderId"]!.GetValue<string>());
                seen.Add(data["status"]!.GetValue<string>());
            }
        }

        Assert.Equal(["PendingPayment", "Paid", "Shipped"], seen);
    }

    [Fact]
    public async Task The_admins_see_every_shoppers_orders_and_shoppers_only_their_own()
    {
        var other = await ShopClient.NewShopper(Factory);
        await using var admin = await LiveStream.Open(Admin);
        await using var otherLive = await LiveStream.Open(other);
        await admin.Next();
        await otherLive.Next();

        await Shopper.AddToCart(await Products.Create(Admin, stock: 5), 1);
        var id = (await Shopper.Checkout())["id"]!.GetValue<string>();

        var forAdmin = await admin.Next();
        while (forAdmin.Type != "order" || forAdmin.Data["orderId"]!.GetValue<string>() != id)
        {
            forAdmin = await admin.Next();
        }

        // The other shopper's first event is their own cart's, not the order of someone else.
        await other.AddToCart(await Products.Create(Admin, stock: 5), 1);
        Assert.Equal("cart", (await otherLive.Next()).Type);
    }

    [Fact]
    public async Task A_client_that_reconnects_with_its_last_event_id_gets_what_it_missed()
    {
        var product = await Products.Create(Admin, stock: 5);
        string lastId;
        await using (var live = await LiveStream.Open(Shopper))
        {
            lastId = (await live.Next()).Id;
        }

        await Shopper.AddToCart(product, 1);
        await Shopper.Checkout();

        await using var again = await LiveStream.Open(Shopper, lastId);
        var missed = new List<string> { (await again.Next()).Type };
        while (missed[^1] != "order")
        {
            missed.Add((await again.Next()).Type);
        }

        Assert.DoesNotContain("resync", missed);
        Assert.Contains("cart", missed);

        // An id the server cannot place asks the client to read everything again.
        await using var lost = await LiveStream.Open(Shopper, "no-such-epoch.3");
        Assert.Equal("resync", (await lost.Next()).Type);
    }

    [Fact]
    public async Task An_account_has_a_bounded_number_of_streams()
    {
        var streams = new List<LiveStream>();
        try
        {
            for (var i = 0; i < 8; i++)
            {
                streams.Add(await LiveStream.Open(Shopper));
            }

            using var refused = await LiveStream.Send(Shopper);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal("rate_limited", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());

            // Ops see the open streams and the refusals.
            var metrics = (await Factory.CreateClient().GetStringAsync("/metrics")).Split('\n');
            Assert.Contains(metrics, l => System.Text.RegularExpressions.Regex.Match(l, @"^shop_live_streams(\{[^}]*\})? (?<open>\d+)") is { Success: true } m
                && int.Parse(m.Groups["open"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 8);
            Assert.Contains(metrics, l => l.StartsWith("shop_requests_rate_limited_total{", StringComparison.Ordinal) && l.Contains("limit=\"live\"", StringComparison.Ordinal));

            // Another account is not held back by this one's streams.
            await using var other = await LiveStream.Open(await ShopClient.NewShopper(Factory));
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }

        // A closed stream frees its place.
        await WaitUntil(async () =>
        {
            using var response = await LiveStream.Send(Shopper);
            return response.StatusCode == HttpStatusCode.OK;
        });
    }

    [Fact]
    public async Task A_stream_needs_a_signed_in_account()
    {
        using var anonymous = Factory.CreateClient();
        using var response = await anonymous.GetAsync("/api/live");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within ten seconds.");
            await Task.Delay(100);
        }
    }
}
