using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shop.Api.Tests.Support;
using Shop.Silo.Notifications;

namespace Shop.Api.Tests.Operations;

/// <summary>
/// Order and password emails through the real MailKit client to a real SMTP server on loopback, and
/// shipping SMS through the real Twilio client to a stand-in for Twilio's REST API.
/// </summary>
public sealed class NotificationTests : IAsyncLifetime
{
    private const string TwilioSid = "AC00000000000000000000000000000001";
    private const string TwilioToken = "twilio-test-token";

    private SmtpListener _smtp = null!;
    private HttpRecorder _twilio = null!;
    private ShopApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _smtp = new SmtpListener();
        _twilio = await HttpRecorder.StartAsync(201, """{"sid":"SM0001","status":"queued","body":"ok"}""");
        _factory = new ShopApiFactory
        {
            CaptureEmails = false,
            Replace = services =>
            {
                services.RemoveAll<NotificationRetryOptions>();
                services.AddSingleton(new NotificationRetryOptions(Attempts: 3, FirstDelay: TimeSpan.FromMilliseconds(100)));
            },
        };
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["SMTP_HOST"] = "127.0.0.1",
            ["SMTP_PORT"] = _smtp.Port.ToString(),
            ["SMTP_TLS"] = "off", // the loopback listener offers no STARTTLS
            ["SMTP_FROM"] = "Shop <orders@shop.test>",
            ["TWILIO_SID"] = TwilioSid,
            ["TWILIO_AUTH_TOKEN"] = TwilioToken,
            ["TWILIO_FROM"] = "+15005550006",
            ["TWILIO_API_BASE_URL"] = _twilio.BaseUrl,
            ["API_BASE_URL"] = "https://shop.example.com",
            ["SEED_DEMO_DATA"] = "false",
        })
        {
            _factory.Settings[key] = value;
        }
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _twilio.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_shopper_gets_an_email_at_each_step_and_an_sms_when_it_ships()
    {
        var admin = await ShopClient.Admin(_factory);
        var shopper = await VerifiedShopper(name: "李雷");
        await shopper.Put("/api/users/me", new { phone = "138 0013 8000" });
        await shopper.AddToCart(await Products.Create(admin, stock: 5, price: 12345, name: "通知测试 Notify Kettle"), 1);

        var order = await shopper.Checkout();
        var id = order["id"]!.GetValue<string>();
        var number = id[^8..].ToUpperInvariant();
        var placed = await _smtp.WaitFor(m => (m.Subject ?? "").Contains(number) && (m.Subject ?? "").Contains("已提交"));
        Assert.Equal(shopper.Email, placed.To.Mailboxes.Single().Address);
        Assert.Equal("orders@shop.test", placed.From.Mailboxes.Single().Address);
        Assert.Contains("通知测试 Notify Kettle × 1", placed.TextBody);
        Assert.Contains("¥123.45", placed.TextBody);
        Assert.Contains($"https://shop.example.com/account/orders/{id}", placed.TextBody);

        await shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard });
        await _smtp.WaitFor(m => m.Subject == $"订单 {number} 付款成功");

        await admin.Post($"/api/admin/orders/{id}/ship", new { carrier = "顺丰速运", trackingNumber = "SF9988776655" });
        var shipped = await _smtp.WaitFor(m => m.Subject == $"订单 {number} 已发货");
        Assert.Contains("SF9988776655", shipped.TextBody);
        var sms = await _twilio.WaitFor(r => r.Path == $"/2010-04-01/Accounts/{TwilioSid}/Messages.json");
        Assert.Equal("POST", sms.Method);
        Assert.Equal("+8613800138000", sms.Form["To"]);
        Assert.Equal("+15005550006", sms.Form["From"]);
        Assert.Contains("SF9988776655", sms.Form["Body"]);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwilioSid}:{TwilioToken}")), sms.Headers["Authorization"]);
    }

    [Fact]
    public async Task An_english_speaking_shopper_is_written_to_in_english_and_told_of_a_refund()
    {
        var admin = await ShopClient.Admin(_factory);
        var shopper = await VerifiedShopper(name: "Alice");
        await shopper.Put("/api/users/me", new { language = "en-US" });
        await shopper.AddToCart(await Products.Create(admin, stock: 5, price: 5000), 1);
        var id = (await shopper.Checkout())["id"]!.GetValue<string>();
        var number = id[^8..].ToUpperInvariant();
        await shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard });

        await shopper.Post($"/api/orders/{id}/cancel", null);

        var refunded = await _smtp.WaitFor(m => m.Subject == $"Order {number} is refunded");
        Assert.StartsWith("Hello Alice,", refunded.TextBody);
        Assert.Empty(_twilio.Requests); // no phone, and SMS goes out only on shipping
    }

    [Fact]
    public async Task A_replayed_checkout_or_payment_sends_no_second_email()
    {
        var admin = await ShopClient.Admin(_factory);
        var shopper = await VerifiedShopper();
        await shopper.AddToCart(await Products.Create(admin, stock: 5), 1);
        var id = (await shopper.Checkout(idempotencyKey: "once"))["id"]!.GetValue<string>();
        await shopper.Checkout(idempotencyKey: "once");
        await shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard }, idempotencyKey: "pay-once");
        await shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard }, idempotencyKey: "pay-once");

        await _smtp.WaitFor(m => (m.Subject ?? "").Contains("付款成功") && m.To.Mailboxes.Single().Address == shopper.Email);
        await Task.Delay(500);
        Assert.Equal(2, _smtp.Messages.Count(m => m.To.Mailboxes.Single().Address == shopper.Email && m.Subject != VerificationSubject));
    }

    [Fact]
    public async Task Concurrent_cancels_that_all_see_the_refund_send_one_email()
    {
        var admin = await ShopClient.Admin(_factory);
        var shopper = await VerifiedShopper();
        await shopper.AddToCart(await Products.Create(admin, stock: 5), 1);
        var id = (await shopper.Checkout())["id"]!.GetValue<string>();
        var number = id[^8..].ToUpperInvariant();
        await shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => shopper.Post($"/api/orders/{id}/cancel", null)));

        await _smtp.WaitFor(m => m.Subject == $"订单 {number} 已退款");
        await Task.Delay(500);
        Assert.Single(_smtp.Messages, m => m.Subject == $"订单 {number} 已退款");
    }

    [Fact]
    public async Task A_refused_delivery_is_retried_and_never_fails_the_order()
    {
        var admin = await ShopClient.Admin(_factory);
        var shopper = await VerifiedShopper();
        await shopper.AddToCart(await Products.Create(admin, stock: 5), 1);
        _smtp.RefuseNext = 2;

        var id = (await shopper.Checkout())["id"]!.GetValue<string>();

        await _smtp.WaitFor(m => (m.Subject ?? "").Contains(id[^8..].ToUpperInvariant()));
        Assert.Equal(2, _smtp.Refused);
    }

    [Fact]
    public async Task The_password_reset_email_arrives_over_smtp_with_a_link_to_the_public_site()
    {
        var shopper = await ShopClient.NewShopper(_factory);
        await new ShopClient(_factory.CreateClient()).Post("/api/auth/forgot-password", new { email = shopper.Email }, HttpStatusCode.Accepted);

        var email = await _smtp.WaitFor(m => m.To.Mailboxes.Single().Address == shopper.Email && (m.Subject ?? "").Contains("密码"));
        Assert.Contains("https://shop.example.com/reset-password?token=", email.TextBody);
    }

    [Fact]
    public async Task Order_mail_waits_for_a_verified_address_so_a_typed_in_stranger_gets_none()
    {
        // Anyone can register with someone else's address: until its owner opens the link, the shop
        // sends that address nothing but the link itself.
        var admin = await ShopClient.Admin(_factory);
        var shopper = await ShopClient.NewShopper(_factory);
        var link = await _smtp.WaitFor(m => m.To.Mailboxes.Single().Address == shopper.Email && m.Subject == VerificationSubject);
        Assert.False((await shopper.Get("/api/auth/me"))["emailVerified"]!.GetValue<bool>());
        await shopper.AddToCart(await Products.Create(admin, stock: 5), 1);
        var before = (await shopper.Checkout())["id"]!.GetValue<string>();
        await shopper.Post($"/api/orders/{before}/pay", new { method = "card", cardNumber = TestData.ApprovedCard });
        await Task.Delay(1000);
        Assert.DoesNotContain(_smtp.Messages, m => (m.Subject ?? "").Contains(before[^8..].ToUpperInvariant()));

        await shopper.VerifyEmail(link.TextBody!);
        Assert.True((await shopper.Get("/api/auth/me"))["emailVerified"]!.GetValue<bool>());
        await shopper.AddToCart(await Products.Create(admin, stock: 5), 1);
        var after = (await shopper.Checkout())["id"]!.GetValue<string>();
        await _smtp.WaitFor(m => (m.Subject ?? "").Contains(after[^8..].ToUpperInvariant()));
        Assert.DoesNotContain(_smtp.Messages, m => (m.Subject ?? "").Contains(before[^8..].ToUpperInvariant()));
    }

    private const string VerificationSubject = "请验证您的 Shop 邮箱";

    /// <summary>A shopper who opened the verification link the shop mailed: order mail reaches them.</summary>
    private async Task<ShopClient> VerifiedShopper(string? name = null)
    {
        var shopper = await ShopClient.NewShopper(_factory, name);
        var link = await _smtp.WaitFor(m => m.To.Mailboxes.Single().Address == shopper.Email && m.Subject == VerificationSubject);
        await shopper.VerifyEmail(link.TextBody!);
        return shopper;
    }
}
