using Shop.Api.Tests.Support;
using Xunit.Abstractions;

namespace Shop.Persistence.Tests.Cluster;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDurableNotificationTests(PostgresFixture postgres, ITestOutputHelper output) : DurableNotificationTests(output)
{
    protected override Task<IReadOnlyDictionary<string, string>> Store() => ClusterStores.Postgres(postgres, "outbox");
}

[Collection(Mongo.MongoCollection.Name)]
public sealed class MongoDurableNotificationTests(Mongo.MongoFixture mongo, ITestOutputHelper output) : DurableNotificationTests(output)
{
    protected override Task<IReadOnlyDictionary<string, string>> Store() => ClusterStores.Mongo(mongo, "outbox");
}

/// <summary>
/// The outbox is durable: an order email that could not go out yet (the mail server is down) is
/// still delivered after the silo holding it is killed, exactly once, from the order's stored events.
/// </summary>
public abstract class DurableNotificationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    protected abstract Task<IReadOnlyDictionary<string, string>> Store();

    [SkippableFact]
    public async Task An_order_email_queued_when_its_silo_is_killed_arrives_once_after_a_restart()
    {
        var smtpPort = FreePorts.Next(); // nothing listens there yet: the mail server is down
        var settings = new Dictionary<string, string>
        {
            ["SMTP_HOST"] = "127.0.0.1",
            ["SMTP_PORT"] = smtpPort.ToString(),
            ["SMTP_TLS"] = "off", // the loopback listener offers no STARTTLS
            ["SMTP_FROM"] = "Shop <orders@shop.test>",
            ["ORDER_RETRY_PERIOD"] = $"{RetryPeriod.TotalSeconds}s",
        };
        await LocalShopCluster.RunAsync(await Store(), silos: 1, settings, Budget, output, async (cluster, ct) =>
        {
            string orderId;
            using (var api = new ShopHttp(cluster.ApiUrl))
            {
                var admin = (await api.Login(LocalShopCluster.AdminEmail, LocalShopCluster.AdminPassword, ct)).Expect("admin login").Token;
                var product = (await api.CreateProduct(admin, "Outbox Kettle", 4990, 5, ct)).Expect("create a product").Id;
                var address = $"outbox-{Guid.NewGuid():N}@test.shop";
                Auth shopper;
                // Order mail goes only to a verified address: the mail server is up for the link, then down.
                await using (var verification = new SmtpListener(smtpPort))
                {
                    shopper = (await api.Register(address, "shopper-password", ct)).Expect("register");
                    var link = await verification.WaitFor(m => m.To.Mailboxes.Single().Address == address, TimeSpan.FromSeconds(30));
                    var token = System.Text.RegularExpressions.Regex.Match(link.TextBody ?? "", @"verify-email\?token=(\S+)").Groups[1].Value;
                    Assert.Equal(System.Net.HttpStatusCode.NoContent, (await api.VerifyEmail(token, ct)).Status);
                }

                (await api.AddToCart(shopper.Token, product, 1, ct)).Expect("add to cart");
                orderId = (await api.Checkout(shopper.Token, "outbox-1", ct)).Expect("checkout").Id;
            }

            // The order and its owed notice are stored; the silo is still trying the mail server.
            await Task.Delay(RetryPeriod, ct);
            cluster.KillSilo(0);

            await using var smtp = new SmtpListener(smtpPort);
            await cluster.StartSiloAsync(ct);

            var number = orderId[^8..].ToUpperInvariant();
            // The new silo joins once the dead one's heartbeat is stale (30 s), then the order's reminder fires.
            var email = await smtp.WaitFor(m => (m.Subject ?? "").Contains(number), TimeSpan.FromSeconds(90));
            Assert.Equal($"{orderId}-1@shop.notifications", email.MessageId);

            // Several more reminder periods: a delivered, confirmed notice is not sent again.
            await Task.Delay(RetryPeriod * 4, ct);
            Assert.Single(smtp.Messages, m => (m.Subject ?? "").Contains(number));
        });
    }
}
