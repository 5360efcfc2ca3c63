using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Shop.Api.Tests.Support;
using Shop.Grains.Notifications;
using Shop.Silo.Notifications;

namespace Shop.Api.Tests.Operations;

/// <summary>
/// Mail goes out over TLS unless SMTP_TLS=off: a server that offers no STARTTLS (the loopback listener
/// here, or an attacker stripping it from the reply) gets neither the message nor the SMTP password.
/// </summary>
public sealed class SmtpTlsTests : IAsyncLifetime
{
    private readonly SmtpListener _smtp = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private IDelivery<EmailMessage> Delivery(string? tls)
    {
        var settings = new Dictionary<string, string?> { ["SMTP_HOST"] = "127.0.0.1", ["SMTP_PORT"] = _smtp.Port.ToString(), ["SMTP_TLS"] = tls };
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(config).AddLogging()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = Path.GetTempPath() });
        return services.AddShopDelivery().BuildServiceProvider().GetRequiredService<IDelivery<EmailMessage>>();
    }

    private static EmailMessage Message(string subject) => new("shopper@shop.test", subject, "body", "test");

    [Fact]
    public async Task By_default_a_server_without_STARTTLS_gets_no_mail()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() => Delivery(tls: null).DeliverAsync(Message("in the clear?"), CancellationToken.None));
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task SMTP_TLS_off_sends_to_a_server_without_it()
    {
        await Delivery("off").DeliverAsync(Message("relay on the same host"), CancellationToken.None);
        Assert.Equal("relay on the same host", Assert.Single(_smtp.Messages).Subject);
    }

    [Theory]
    [InlineData(null, 587, SecureSocketOptions.StartTls)]
    [InlineData("required", 465, SecureSocketOptions.SslOnConnect)]
    [InlineData("off", 25, SecureSocketOptions.StartTlsWhenAvailable)]
    public void The_setting_and_port_choose_how_the_connection_is_secured(string? tls, int port, SecureSocketOptions expected) =>
        Assert.Equal(expected, new EmailOptions { Tls = tls ?? new EmailOptions().Tls, Port = port }.SocketSecurity);
}
