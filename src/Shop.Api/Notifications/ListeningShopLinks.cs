using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Shop.Grains.Notifications;
using Shop.Silo.Notifications;

namespace Shop.Api.Notifications;

/// <summary>
/// Links in emails: API_BASE_URL (required in production); else, in development, where this process
/// listens. Never the request's Host header, which a client chooses.
/// </summary>
public sealed partial class ListeningShopLinks(IConfiguration config, IServer server) : IShopLinks
{
    public string Page(string path) => BaseUrl() + path;

    private string BaseUrl()
    {
        if (Uri.TryCreate(config["API_BASE_URL"], UriKind.Absolute, out _))
        {
            return ConfiguredShopLinks.BaseUrl(config);
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return listening is null ? ConfiguredShopLinks.BaseUrl(config) : AnyAddress().Replace(listening, "//localhost");
    }

    [GeneratedRegex(@"//(0\.0\.0\.0|\[::\]|\+|\*)(?=:|$)")]
    private static partial Regex AnyAddress();
}
