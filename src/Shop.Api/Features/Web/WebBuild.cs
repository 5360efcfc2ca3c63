using System.Text.Json;

namespace Shop.Api.Features.Web;

/// <summary>A route's own chunks and stylesheets (beyond those index.html already loads).</summary>
internal sealed record RouteAssets(IReadOnlyList<string> Js, IReadOnlyList<string> Css)
{
    public static readonly RouteAssets None = new([], []);
}

/// <summary>
/// What the server needs from the built web client (web/dist): index.html, the page template;
/// .shop/routes.json, each route's chunks and styles, so that a page the client draws alone starts
/// loading them with the entry; .shop/texts.json, the client's texts (the same i18n files), so that
/// the server renders a page's first screen in the client's words. The .shop folder is not served (dot folders never are).
/// A build without the .shop files still works: pages then carry no route hints and use fallbacks.
/// </summary>
internal sealed class WebBuild
{
    public required string Root { get; init; }
    public required string IndexHtml { get; init; }
    public required IReadOnlyDictionary<string, RouteAssets> Routes { get; init; }
    public required WebTexts Texts { get; init; }
    public required PrecompressedFiles Precompressed { get; init; }

    public RouteAssets AssetsOf(string route) => Routes.GetValueOrDefault(route, RouteAssets.None);

    public static WebBuild Load(string root)
    {
        var routes = ReadJson<Dictionary<string, RouteAssets>>(root, "routes.json") ?? [];
        var texts = ReadJson<Dictionary<string, Dictionary<string, string>>>(root, "texts.json") ?? [];
        return new WebBuild
        {
            Root = root,
            IndexHtml = File.ReadAllText(Path.Combine(root, "index.html")),
            Routes = routes,
            Texts = new WebTexts(texts.GetValueOrDefault(WebTexts.Language) ?? []),
            Precompressed = PrecompressedFiles.Scan(root),
        };
    }

    private static T? ReadJson<T>(string root, string name)
    {
        var path = Path.Combine(root, ".shop", name);
        return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), JsonSerializerOptions.Web) : default;
    }
}

/// <summary>
/// The client's texts in the language the server renders: zh-CN, the client's default (a shopper who
/// chose English sees the client switch once it starts). Keys and placeholders as i18next has them.
/// </summary>
internal sealed class WebTexts(IReadOnlyDictionary<string, string> texts)
{
    public const string Language = "zh-CN";

    /// <summary>The text of <paramref name="key"/> with its {{placeholders}} filled; the key itself when missing.</summary>
    public string Get(string key, params (string Name, object Value)[] values)
    {
        var text = texts.GetValueOrDefault(key) ?? key;
        foreach (var (name, value) in values)
        {
            text = text.Replace("{{" + name + "}}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A counted text: i18next's plural keys (key_one, key_other) with {{count}}.</summary>
    public string Count(string key, long count, params (string Name, object Value)[] values)
    {
        var plural = count == 1 && texts.ContainsKey(key + "_one") ? key + "_one" : key + "_other";
        return Get(texts.ContainsKey(plural) ? plural : key, [("count", count), .. values]);
    }
}
