using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using Shop.Api.Features.Catalog;
using Shop.Silo.Notifications;

namespace Shop.Api.Features.Web;

/// <summary>robots.txt and sitemap.xml, made from the catalog snapshot on each request (cheap: no grain call).</summary>
public static class SeoApi
{
    /// <summary>The sitemap protocol's limit of URLs per file; larger catalogs get an index of files.</summary>
    internal const int UrlsPerSitemap = 50_000;

    public static IEndpointRouteBuilder MapSeoApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/robots.txt", Robots).ExcludeFromDescription();
        routes.MapGet("/sitemap.xml", Sitemap).ExcludeFromDescription();
        routes.MapGet("/sitemap-{part:int}.xml", SitemapPart).ExcludeFromDescription();
        return routes;
    }

    public static IResult Robots(HttpContext context, IOptions<ShopLinkOptions> links)
    {
        var site = SiteUrl.Of(context, links);
        // Pages that are someone's own (account, checkout) or admin's are not for search results; the
        // catalog and its pictures are.
        var text = $"""
            User-agent: *
            Allow: /
            Allow: /api/media/
            Disallow: /api/
            Disallow: /account
            Disallow: /admin
            Disallow: /checkout

            Sitemap: {site}/sitemap.xml

            """;
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(text, "text/plain; charset=utf-8");
    }

    public static async Task<IResult> Sitemap(HttpContext context, IOptions<ShopLinkOptions> links, CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        var site = SiteUrl.Of(context, links);
        var urls = await Urls(catalog, cancellationToken);
        if (urls.Count <= UrlsPerSitemap)
        {
            return Xml(context, UrlSet(site, urls));
        }

        var parts = (urls.Count + UrlsPerSitemap - 1) / UrlsPerSitemap;
        return Xml(context, Write(xml =>
        {
            xml.WriteStartElement("sitemapindex", "http://www.sitemaps.org/schemas/sitemap/0.9");
            for (var part = 1; part <= parts; part++)
            {
                xml.WriteStartElement("sitemap");
                xml.WriteElementString("loc", $"{site}/sitemap-{part}.xml");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }));
    }

    public static async Task<IResult> SitemapPart(int part, HttpContext context, IOptions<ShopLinkOptions> links, CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        var urls = await Urls(catalog, cancellationToken);
        var slice = urls.Skip((part - 1) * UrlsPerSitemap).Take(UrlsPerSitemap).ToList();
        return part < 1 || slice.Count == 0 ? Results.NotFound() : Xml(context, UrlSet(SiteUrl.Of(context, links), slice));
    }

    /// <summary>Home, the list, each category's list and every product's page, in a stable order.</summary>
    private static async Task<List<string>> Urls(CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        var entries = await catalog.GetEntries(cancellationToken);
        var categories = await catalog.GetCategories(cancellationToken);
        return
        [
            "/",
            "/products",
            .. categories.Active.Select(c => "/products?category=" + Uri.EscapeDataString(c.Id)),
            .. entries.Keys.Order(StringComparer.Ordinal).Select(id => "/products/" + Uri.EscapeDataString(id)),
        ];
    }

    private static string UrlSet(string site, IEnumerable<string> paths) => Write(xml =>
    {
        xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
        foreach (var path in paths)
        {
            xml.WriteStartElement("url");
            xml.WriteElementString("loc", site + path);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    });

    private static string Write(Action<XmlWriter> body)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            body(xml);
        }

        // StringBuilder output declares utf-16; the answer is UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static IResult Xml(HttpContext context, string xml)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(xml, "application/xml; charset=utf-8");
    }
}
