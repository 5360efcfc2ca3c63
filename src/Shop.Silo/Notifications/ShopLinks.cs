using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Shop.Grains.Notifications;
using Shop.Silo.Configuration;

namespace Shop.Silo.Notifications;

/// <summary>API_BASE_URL, the shop's public address: links in emails, canonical URLs and the sitemap.</summary>
public sealed class ShopLinkOptions
{
    public const string BaseUrlProblem = "API_BASE_URL must be the shop's public URL, e.g. https://shop.example.com (links in emails are built from it).";

    [ConfigurationKeyName("API_BASE_URL")]
    [AbsoluteUrl(ErrorMessage = BaseUrlProblem)]
    public Uri? BaseUrl { get; set; }

    /// <summary>Where the shop listens on this machine: without API_BASE_URL (development) links point there.</summary>
    [ConfigurationKeyName("PORT")]
    public string? Port { get; set; }

    /// <summary>Production's rule: links must reach the shop from the reader's mailbox, so the public URL is required.</summary>
    public static readonly IValidateOptions<ShopLinkOptions> ProductionRule = new ShopOptions.Rule<ShopLinkOptions>(links =>
        links.BaseUrl is { IsAbsoluteUri: true, Scheme: "https" or "http" } ? [] : [BaseUrlProblem]);
}

/// <summary>Links in emails from API_BASE_URL; without it (development) to the shop on this machine's PORT.</summary>
public sealed class ConfiguredShopLinks(IOptions<ShopLinkOptions> options) : IShopLinks
{
    public string Page(string path) => BaseUrl(options.Value) + path;

    public static string BaseUrl(ShopLinkOptions links) =>
        links.BaseUrl is { IsAbsoluteUri: true } configured
            ? configured.GetLeftPart(UriPartial.Authority)
            : $"http://localhost:{links.Port ?? "5000"}";
}
