using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Shop.Silo.Notifications;

/// <summary>SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_FROM, and where unsent mail goes without SMTP.</summary>
public sealed record EmailSettings(string? Host, int Port, string? User, string? Password, string From, string PickupDirectory)
{
    public static EmailSettings Read(IConfiguration config, IHostEnvironment environment) => new(
        config["SMTP_HOST"] is { Length: > 0 } host ? host : null,
        int.TryParse(config["SMTP_PORT"], out var port) ? port : 587,
        config["SMTP_USER"] is { Length: > 0 } user ? user : null,
        config["SMTP_PASSWORD"],
        config["SMTP_FROM"] is { Length: > 0 } from ? from : "Shop <no-reply@shop.local>",
        config["MAIL_PICKUP_DIR"] is { Length: > 0 } dir ? dir : Path.Combine(environment.ContentRootPath, ".mail"));
}
