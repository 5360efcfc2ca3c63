using System.ComponentModel.DataAnnotations;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Shop.Silo.Configuration;

namespace Shop.Silo.Notifications;

/// <summary>SMTP_HOST, SMTP_PORT, SMTP_TLS, SMTP_USER, SMTP_PASSWORD, SMTP_FROM, and where unsent mail goes without SMTP (MAIL_PICKUP_DIR).</summary>
public sealed class EmailOptions
{
    [ConfigurationKeyName("SMTP_HOST")]
    public string? Host { get; set; }

    /// <summary>Production's rule: mail is sent, not left in files on the server.</summary>
    public static readonly IValidateOptions<EmailOptions> ProductionRule = new ShopOptions.Rule<EmailOptions>(email => email.Host is null
        ? ["SMTP_HOST is not set: order and password-reset emails would be written to files on this server instead of being sent."]
        : []);

    [ConfigurationKeyName("SMTP_PORT")]
    [Range(1, 65535, ErrorMessage = "SMTP_PORT must be a port number (1-65535).")]
    public int Port { get; set; } = 587;

    /// <summary>
    /// SMTP_TLS: <c>required</c> (default) sends only over TLS: STARTTLS, or TLS from the first byte on
    /// port 465; a server that offers neither gets no mail (and no password). <c>off</c> uses TLS only
    /// when offered, for a relay that cannot do it (on the same host or a private network).
    /// </summary>
    [ConfigurationKeyName("SMTP_TLS")]
    [RegularExpression("^(required|off)$", ErrorMessage = "SMTP_TLS must be required or off.")]
    public string Tls { get; set; } = "required";

    public SecureSocketOptions SocketSecurity =>
        Tls == "off" ? SecureSocketOptions.StartTlsWhenAvailable
        : Port == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.StartTls;

    [ConfigurationKeyName("SMTP_USER")]
    public string? User { get; set; }

    [ConfigurationKeyName("SMTP_PASSWORD")]
    public string? Password { get; set; }

    [ConfigurationKeyName("SMTP_FROM")]
    public string From { get; set; } = "Shop <no-reply@shop.local>";

    /// <summary>Without SMTP_HOST mail is written here as .eml files (default: .mail under the content root).</summary>
    [ConfigurationKeyName("MAIL_PICKUP_DIR")]
    public string? PickupDirectory { get; set; }
}
