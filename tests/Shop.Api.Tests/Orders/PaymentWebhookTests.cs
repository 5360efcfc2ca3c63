using System.Net;
using System.Text;
using System.Text.Json;
using Shop.Api.Features.Orders;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Orders;

[Collection(ShopCollection.Name)]
public sealed class PaymentWebhookTests(ShopApiFactory factory) : ShopperTest(factory)
{
    [Fact]
    public async Task A_signed_success_event_pays_the_order_and_repeats_are_no_ops()
    {
        var (id, total) = await PendingOrder();
        var body = Event(id, total);

        var first = await Send(body, Now());
        var repeat = await Send(body, Now());

        await Expect.Status(first, HttpStatusCode.OK);
        await Expect.Status(repeat, HttpStatusCode.OK);
        var order = await Shopper.Get($"/api/orders/{id}");
        Assert.Equal("Paid", order["status"]!.GetValue<string>());
        Assert.Equal("pay_ext_1", order["payment"]!["id"]!.GetValue<string>());
        Assert.Equal(2, order["history"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_second_payment_for_a_paid_order_is_acknowledged_and_changes_nothing()
    {
        var (id, total) = await PendingOrder();
        await Shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard });

        var second = await Send(Event(id, total, paymentId: "pay_ext_2"), Now());

        await Expect.Status(second, HttpStatusCode.OK);
        var order = await Shopper.Get($"/api/orders/{id}");
        Assert.Equal("Paid", order["status"]!.GetValue<string>());
        Assert.StartsWith("pay_", order["payment"]!["id"]!.GetValue<string>());
        Assert.NotEqual("pay_ext_2", order["payment"]!["id"]!.GetValue<string>());
        Assert.Equal(2, order["history"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_wrong_signature_is_401_and_changes_nothing()
    {
        var (id, total) = await PendingOrder();
        var body = Event(id, total);
        var timestamp = Now();
        var response = await Send(body, timestamp, signature: PaymentWebhookApi.Sign(Encoding.UTF8.GetBytes("some-other-key-entirely-0123456789"), timestamp, body));

        await Expect.Json(response, HttpStatusCode.Unauthorized);
        Assert.Equal("PendingPayment", (await Shopper.Get($"/api/orders/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stale_or_unsigned_event_is_401()
    {
        var (id, total) = await PendingOrder();
        var body = Event(id, total);
        await Expect.Json(await Send(body, (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 301).ToString()), HttpStatusCode.Unauthorized);

        var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/payments/webhook") { Content = new ByteArrayContent(body) };
        await Expect.Json(await Factory.CreateClient().SendAsync(unsigned), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_401()
    {
        var (id, total) = await PendingOrder();
        var timestamp = Now();
        var signature = PaymentWebhookApi.Sign(Encoding.UTF8.GetBytes(ShopApiFactory.WebhookKey), timestamp, Event(id, total));
        await Expect.Json(await Send(Event(id, total + 1), timestamp, signature), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_amount_that_is_not_the_total_is_refused()
    {
        var (id, total) = await PendingOrder();
        await Expect.Json(await Send(Event(id, total - 1), Now()), HttpStatusCode.BadRequest);
        Assert.Equal("PendingPayment", (await Shopper.Get($"/api/orders/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_signed_event_for_an_unknown_order_is_404()
    {
        await Expect.Json(await Send(Event("0123456789abcdef0123456789abcdef", 100), Now()), HttpStatusCode.NotFound);
    }

    private async Task<(string Id, long Total)> PendingOrder()
    {
        await Shopper.AddToCart(await Products.Create(Admin, stock: 5, price: 3000), 1);
        var order = await Shopper.Checkout();
        return (order["id"]!.GetValue<string>(), order["total"]!.GetValue<long>());
    }

    private static byte[] Event(string orderId, long amount, string paymentId = "pay_ext_1") =>
        JsonSerializer.SerializeToUtf8Bytes(new { paymentId, orderId, status = "succeeded", amount });

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();

    private Task<HttpResponseMessage> Send(byte[] body, string timestamp, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(PaymentWebhookApi.TimestampHeader, timestamp);
        request.Headers.Add(PaymentWebhookApi.SignatureHeader,
            signature ?? PaymentWebhookApi.Sign(Encoding.UTF8.GetBytes(ShopApiFactory.WebhookKey), timestamp, body));
        return Factory.CreateClient().SendAsync(request);
    }
}
