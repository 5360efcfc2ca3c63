using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Shop.Api.Features.Catalog;
using Shop.Silo.Notifications;

namespace Shop.Api.Features.Web;

/// <summary>
/// Answers a client route (any GET that is not the API or a file) with index.html made into that
/// page: its title, description, canonical URL and Open Graph tags, the scripts to start after its
/// first frame (for a page the client draws alone, its route's chunks with them), and for the catalog
/// pages the first screen and its data (<see cref="CatalogPages"/>).
/// </summary>
internal sealed class WebPages(WebBuild build, IOptions<JsonOptions> jsonOptions, IOptions<ShopLinkOptions> links)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    // The API's JSON settings; HTML-sensitive characters stay escaped (<, >, &), so the data can sit in a script element.
    private readonly JsonSerializerOptions _json = new(jsonOptions.Value.SerializerOptions) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public async Task Write(HttpContext context)
    {
        var page = await Render(context.Request.Path.Value ?? "/", context.Request.Query, context.RequestServices, context.RequestAborted);
        var html = Document(page, SiteUrl.Of(context, links));
        context.Response.StatusCode = page.Status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        var bytes = Encoding.UTF8.GetBytes(html);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    internal async Task<WebPage> Render(string path, IQueryCollection query, IServiceProvider services, CancellationToken cancellationToken)
    {
        var texts = build.Texts;
        // Resolved per request, as the API's handlers get them.
        var pages = new CatalogPages(services.GetRequiredService<CatalogSnapshot>(), services.GetRequiredService<IGrainFactory>(), _json, texts);
        var (route, id) = WebRoutes.Match(path);
        var page = route switch
        {
            WebRoutes.Home => await pages.Home(cancellationToken),
            WebRoutes.Products => await pages.Products(query, cancellationToken),
            WebRoutes.ProductDetail => await pages.Product(id!, cancellationToken),
            WebRoutes.NotFound => new WebPage(route, texts.Get("seo.pageTitle", ("page", texts.Get("errors.pageNotFound"))), texts.Get("seo.homeDescription"), path)
            {
                Status = StatusCodes.Status404NotFound,
            },
            _ => new WebPage(route, ShellTitles.TryGetValue(route, out var key) ? texts.Get("seo.pageTitle", ("page", texts.Get(key))) : texts.Get("app.name"), texts.Get("seo.homeDescription"), path),
        };
        return page.Body.Length > 0 ? page : Shell(page);
    }

    /// <summary>The titles of the pages the client draws alone, by route.</summary>
    private static readonly Dictionary<string, string> ShellTitles = new(StringComparer.Ordinal)
    {
        ["cart"] = "cart.title",
        ["checkout"] = "checkout.title",
        ["login"] = "auth.login",
        ["register"] = "auth.register",
    };

    /// <summary>
    /// A page the client draws alone (its data is the shopper's own) still gets the layout from the server,
    /// so that something is on screen before the scripts have run.
    /// </summary>
    private WebPage Shell(WebPage page)
    {
        var content = new StringBuilder();
        if (TitledShells.Contains(page.Route))
        {
            content.Append("<h1 class=\"shop-page-title shop-pre-heading\">").Append(E(build.Texts.Get(ShellTitles[page.Route]))).Append("</h1>");
        }

        return page with { Body = FirstScreen.Frame(build.Texts, page.CanonicalPath, content), Shell = true };
    }

    /// <summary>The routes whose page opens with its plain title (web/src/app/routes/cart.tsx): drawn here in the same markup.</summary>
    private static readonly HashSet<string> TitledShells = new(StringComparer.Ordinal) { "cart" };

    /// <summary>index.html with the page's head, first screen and data put in.</summary>
    internal string Document(WebPage page, string site)
    {
        var head = new StringBuilder();
        var url = site + page.CanonicalPath;
        head.Append("<title>").Append(E(page.Title)).Append("</title>\n")
            .Append("    <meta name=\"description\" content=\"").Append(E(page.Description)).Append("\" />\n")
            .Append("    <link rel=\"canonical\" href=\"").Append(E(url)).Append("\" />\n")
            .Append("    <meta property=\"og:type\" content=\"").Append(page.OpenGraphType).Append("\" />\n")
            .Append("    <meta property=\"og:site_name\" content=\"").Append(E(build.Texts.Get("app.name"))).Append("\" />\n")
            .Append("    <meta property=\"og:locale\" content=\"zh_CN\" />\n")
            .Append("    <meta property=\"og:title\" content=\"").Append(E(page.Title)).Append("\" />\n")
            .Append("    <meta property=\"og:description\" content=\"").Append(E(page.Description)).Append("\" />\n")
            .Append("    <meta property=\"og:url\" content=\"").Append(E(url)).Append("\" />\n");
        if (page.ImagePath is not null)
        {
            head.Append("    <meta property=\"og:image\" content=\"").Append(E(site + page.ImagePath)).Append("\" />\n");
        }

        if (page.JsonLd is not null)
        {
            var jsonLd = (JsonObject)page.JsonLd.DeepClone();
            // Pictures and the offer's page as absolute URLs, as search engines want them.
            if (jsonLd["image"] is JsonArray images)
            {
                jsonLd["image"] = new JsonArray(images.Select(i => (JsonNode)JsonValue.Create(site + (string)i!)).ToArray());
            }

            jsonLd["offers"]!["url"] = url;
            head.Append("    <script type=\"application/ld+json\">").Append(jsonLd.ToJsonString(_json)).Append("</script>\n");
        }

        var html = build.IndexHtml;
        html = ReplaceTitle(html, head.ToString().TrimEnd());
        if (page.Body.Length > 0)
        {
            html = html.Replace("<div id=\"root\"></div>", "<div id=\"root\">" + page.Body + "</div>", StringComparison.Ordinal);
            // Every page's scripts start after its first frame (DeferScripts): the server's layout, and on the
            // catalog pages its first screen, paint without waiting for them. A page whose content the client
            // draws (the shopper's own: cart, checkout, account) also gets its route's chunks and styles in
            // that list, so they load with the entry instead of after it.
            html = DeferScripts(html, page.Shell ? build.AssetsOf(page.Route) : RouteAssets.None);
        }

        if (page.Data.Count > 0)
        {
            var data = new JsonObject(page.Data.Select(d => KeyValuePair.Create(d.Key, d.Value?.DeepClone())));
            html = html.Replace("</body>", "  <script id=\"shop-data\" type=\"application/json\">" + data.ToJsonString(_json) + "</script>\n  </body>", StringComparison.Ordinal);
        }

        return html;
    }

    private static readonly Regex EntryScript = new("""\s*<script type="module" crossorigin src="([^"]+)"></script>""");
    private static readonly Regex ModulePreload = new("""\s*<link rel="modulepreload" crossorigin href="([^"]+)">""");

    /// <summary>
    /// On a page that is already on screen, the scripts that take it over are started by /boot.js (web/public)
    /// after the first frame, instead of from the head: a phone on a slow connection otherwise spends its first
    /// second fetching them ahead of the first paint's stylesheets and pictures (six at a time over HTTP/1.1).
    /// </summary>
    internal static string DeferScripts(string html, RouteAssets route)
    {
        var entry = EntryScript.Match(html);
        if (!entry.Success)
        {
            return html;
        }

        var files = new List<string> { entry.Groups[1].Value };
        files.AddRange(ModulePreload.Matches(html).Select(m => m.Groups[1].Value));
        // The route's styles before its chunks: its lazy import waits for them.
        files.AddRange(route.Css.Concat(route.Js).Where(f => !files.Contains(f)));
        html = ModulePreload.Replace(EntryScript.Replace(html, ""), "");
        var boot = $"\n    <meta name=\"shop-scripts\" content=\"{E(string.Join(' ', files))}\" />\n    <script src=\"/boot.js\" defer></script>";
        return html.Replace("</head>", boot + "\n  </head>", StringComparison.Ordinal);
    }

    private static string ReplaceTitle(string html, string head)
    {
        var start = html.IndexOf("<title>", StringComparison.Ordinal);
        var end = html.IndexOf("</title>", StringComparison.Ordinal);
        return start >= 0 && end > start
            ? html[..start] + head + html[(end + "</title>".Length)..]
            : html.Replace("</head>", head + "\n  </head>", StringComparison.Ordinal);
    }

    private static string E(string text) => Html.Encode(text);
}

/// <summary>The shop's public address for canonical URLs, Open Graph and the sitemap.</summary>
internal static class SiteUrl
{
    /// <summary>API_BASE_URL when set (required in production), else the address this request reached.</summary>
    public static string Of(HttpContext context, IOptions<ShopLinkOptions> links) =>
        links.Value.BaseUrl is { IsAbsoluteUri: true } configured
            ? configured.GetLeftPart(UriPartial.Authority) + configured.AbsolutePath.TrimEnd('/')
            : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
}
