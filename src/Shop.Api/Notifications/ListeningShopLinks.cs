using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Shop.Grains.Notifications;
using Shop.Silo.Notifications;

namespace Shop.Api.Notifications;

/// <summary>
/// Links in emails: API_BASE_URL (required in production); else, in development, where this process
/// listens. Never the request's Host header, which a client chooses.
/// </summary>
public sealed partial class ListeningShopLinks(IOptions<ShopLinkOptions> options, IServer server) : IShopLinks
{
    public string Page(string path) => BaseUrl() + path;

    private string BaseUrl()
    {
        var links = options.Value;
        var listening = links.BaseUrl is not { IsAbsoluteUri: true } ? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() : null;
        return listening is null ? ConfiguredShopLinks.BaseUrl(links) : AnyAddress().Replace(listening, "//localhost");
    }

    [GeneratedRegex(@"//(0\.0\.0\.0|\[::\]|\+|\*)(?=:|$)")]
    private static partial Regex AnyAddress();
}
