using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Shop.Api.Features.Web;

/// <summary>
/// The first screen of the catalog pages as plain HTML, drawn from the API's answers so that it shows
/// (and its largest element paints) before any script runs. It follows the client's layout
/// (web/src/app/first-screen.css styles it) and is replaced by the client's render once the scripts
/// are in. Links are real links, so it also reads well to a crawler.
/// </summary>
internal static class FirstScreen
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The first product pictures of a list are on screen: loaded at once, not lazily, the first row first.</summary>
    private const int EagerImages = 4;
    private const int UrgentImages = 2;

    public static string Home(WebTexts texts, JsonNode? categories, JsonNode? featured)
    {
        var html = new StringBuilder();
        html.Append("<section class=\"shop-hero\"><h1 class=\"shop-hero-title shop-pre-heading\">").Append(E(texts.Get("home.title"))).Append("</h1>")
            .Append("<p class=\"shop-pre-secondary\">").Append(E(texts.Get("home.subtitle"))).Append("</p>");
        SearchForm(html, texts, "");
        html.Append("</section><section><h2 class=\"shop-section-title shop-pre-heading\">").Append(E(texts.Get("home.categories"))).Append("</h2><div class=\"shop-category-grid\">");
        // Top-level categories only, as the client's grid shows them.
        foreach (var category in (categories?.AsArray() ?? []).Where(c => c?["parentId"] is null))
        {
            html.Append("<a class=\"shop-card shop-card-hoverable shop-category-card\" href=\"/products?category=").Append(E(Uri.EscapeDataString((string)category!["id"]!))).Append("\">")
                .Append(AppstoreIcon)
                .Append("<span class=\"shop-category-text\"><strong>").Append(E((string)category["name"]!)).Append("</strong><small>")
                .Append(E(texts.Count("catalog.productCount", category["productCount"]!.GetValue<long>()))).Append("</small></span></a>");
        }

        html.Append("</div></section><section style=\"margin-top:32px\"><div class=\"shop-section-head\"><h2 class=\"shop-section-title shop-pre-heading\" style=\"margin:0\">")
            .Append(E(texts.Get("home.featured"))).Append("</h2><a href=\"/products?sort=popular\">").Append(E(texts.Get("home.seeAll"))).Append("</a></div>");
        ProductGrid(html, texts, featured?["items"]?.AsArray());
        html.Append("</section>");
        return Frame(texts, "/", html);
    }

    public static string ProductList(WebTexts texts, string heading, CatalogPages.ProductQuery query, JsonNode? products)
    {
        var html = new StringBuilder();
        html.Append("<h1 class=\"shop-page-title shop-pre-heading\">").Append(E(heading)).Append("</h1><div class=\"shop-filters\">");
        SearchForm(html, texts, query.Q ?? "");
        html.Append("</div>");
        if (products is not null)
        {
            html.Append("<p class=\"shop-pre-secondary\">").Append(E(texts.Count("catalog.resultCount", products["total"]!.GetValue<long>()))).Append("</p>");
            ProductGrid(html, texts, products["items"]?.AsArray());
            Pager(html, texts, query, products["total"]!.GetValue<long>());
        }

        return Frame(texts, "/products", html);
    }

    public static string Product(WebTexts texts, JsonObject product, JsonNode? category)
    {
        var html = new StringBuilder();
        var name = (string)product["name"]!;
        var stock = product["stock"]!.GetValue<int>();
        html.Append("<nav class=\"shop-pre-breadcrumb\" aria-label=\"breadcrumb\"><a href=\"/products\">").Append(E(texts.Get("nav.products"))).Append("</a>");
        if (category is not null)
        {
            html.Append(" / <a href=\"/products?category=").Append(E(Uri.EscapeDataString((string)category["id"]!))).Append("\">").Append(E((string)category["name"]!)).Append("</a>");
        }

        html.Append(" / <span>").Append(E(name)).Append("</span></nav><div class=\"shop-detail\"><div>")
            .Append("<img class=\"shop-pre-main-image\" src=\"").Append(E((string)product["imageUrl"]!)).Append("\" alt=\"").Append(E(name))
            .Append("\" width=\"600\" height=\"600\" fetchpriority=\"high\"></div><div><h1 class=\"shop-product-title shop-pre-heading\">").Append(E(name)).Append("</h1>");
        if (product["brand"] is JsonValue brand)
        {
            html.Append("<p class=\"shop-pre-secondary\">").Append(E(texts.Get("catalog.brand"))).Append(": ").Append(E(brand.GetValue<string>())).Append("</p>");
        }

        html.Append("<p class=\"shop-pre-price shop-pre-price-large\">").Append(E(Price(product["price"]!.GetValue<long>()))).Append("</p><p>")
            .Append(stock > 0
                ? $"<span class=\"shop-pre-tag shop-pre-tag-{(stock < 10 ? "orange" : "green")}\">{E(texts.Count("catalog.inStockCount", stock))}</span>"
                : $"<span class=\"shop-pre-tag\">{E(texts.Get("catalog.soldOut"))}</span>")
            .Append("</p></div></div><h2 class=\"shop-section-title shop-pre-heading\" style=\"margin-top:32px\">").Append(E(texts.Get("catalog.description"))).Append("</h2><p class=\"shop-pre-description\">")
            .Append(E((string?)product["description"] ?? "")).Append("</p>");
        return Frame(texts, "/products", html);
    }

    /// <summary>The client's layout around a page: header (logo, menu, sign-in links), content, footer.</summary>
    public static string Frame(WebTexts texts, string activePath, StringBuilder content)
    {
        var html = new StringBuilder("<div class=\"shop-layout shop-pre\"><header class=\"shop-header\"><a href=\"/\" class=\"shop-logo\">")
            .Append(E(texts.Get("app.name"))).Append("</a><nav class=\"shop-nav\" aria-label=\"").Append(E(texts.Get("nav.main"))).Append("\">");
        foreach (var (path, key) in new[] { ("/", "nav.home"), ("/products", "nav.products") })
        {
            html.Append("<a href=\"").Append(path).Append('"').Append(path == activePath ? " aria-current=\"page\"" : "").Append('>').Append(E(texts.Get(key))).Append("</a>");
        }

        html.Append("</nav><div class=\"shop-header-right shop-pre-account\"><a href=\"/login\">").Append(E(texts.Get("auth.login")))
            .Append("</a><a href=\"/register\" class=\"shop-pre-button\">").Append(E(texts.Get("auth.register"))).Append("</a></div></header>")
            .Append("<main class=\"shop-content\">").Append(content).Append("</main><footer class=\"shop-footer shop-pre-footer\">")
            .Append(E(texts.Get("app.footer", ("year", DateTime.UtcNow.Year)))).Append("</footer></div>");
        return html.ToString();
    }

    private static void SearchForm(StringBuilder html, WebTexts texts, string q) =>
        html.Append("<form class=\"shop-pre-search\" action=\"/products\" role=\"search\"><input type=\"search\" name=\"q\" value=\"").Append(E(q))
            .Append("\" placeholder=\"").Append(E(texts.Get("catalog.searchPlaceholder"))).Append("\" aria-label=\"").Append(E(texts.Get("catalog.searchPlaceholder")))
            .Append("\"><button type=\"submit\">").Append(E(texts.Get("catalog.search"))).Append("</button></form>");

    private static void ProductGrid(StringBuilder html, WebTexts texts, JsonArray? items)
    {
        html.Append("<div class=\"shop-product-grid\">");
        var index = 0;
        foreach (var product in items ?? [])
        {
            var name = (string)product!["name"]!;
            var stock = product["stock"]!.GetValue<int>();
            var position = index++;
            html.Append("<a class=\"shop-card shop-card-hoverable\" href=\"/products/").Append(E(Uri.EscapeDataString((string)product["id"]!))).Append("\">")
                .Append("<img class=\"shop-pre-cover\" src=\"").Append(E((string)product["imageUrl"]!)).Append("\" alt=\"").Append(E(name)).Append("\" width=\"600\" height=\"600\"")
                .Append(position < UrgentImages ? " fetchpriority=\"high\"" : position < EagerImages ? "" : " loading=\"lazy\"").Append("><div class=\"shop-card-body\"><div class=\"shop-product-name\">").Append(E(name)).Append("</div><div class=\"shop-price-row\"><span class=\"shop-pre-price\">")
                .Append(E(Price(product["price"]!.GetValue<long>()))).Append("</span>");
            if (stock <= 0)
            {
                html.Append("<span class=\"shop-pre-tag\">").Append(E(texts.Get("catalog.soldOut"))).Append("</span>");
            }
            else if (stock < 10)
            {
                html.Append("<span class=\"shop-pre-tag shop-pre-tag-orange\">").Append(E(texts.Count("catalog.fewLeft", stock))).Append("</span>");
            }

            html.Append("</div></div></a>");
        }

        html.Append("</div>");
    }

    /// <summary>Previous / next links, so that every page of a list can be reached by following links.</summary>
    private static void Pager(StringBuilder html, WebTexts texts, CatalogPages.ProductQuery query, long total)
    {
        var pages = (total + query.PageSize - 1) / query.PageSize;
        if (pages <= 1)
        {
            return;
        }

        html.Append("<nav class=\"shop-pre-pager\">");
        foreach (var (page, label) in new[] { (query.Page - 1, "‹"), (query.Page + 1, "›") })
        {
            if (page >= 1 && page <= pages)
            {
                var parameters = query.ApiParameters().Where(p => p.Key != "page" && !(p.Key == "pageSize" && query.PageSize == 20)).ToList();
                // URL prices are in yuan, as the client writes them.
                parameters = parameters.Select(p => p.Key is "minPrice" or "maxPrice" ? new KeyValuePair<string, string>(p.Key, (long.Parse(p.Value, CultureInfo.InvariantCulture) / 100m).ToString("0.##", CultureInfo.InvariantCulture)) : p).ToList();
                if (page > 1) parameters.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
                html.Append("<a href=\"/products").Append(E(QueryString.Create(parameters!).Value ?? "")).Append("\">").Append(label).Append("</a>");
            }
        }

        html.Append("</nav>");
    }

    internal static string Price(long fen) =>
        string.Format(CultureInfo.InvariantCulture, "{0}¥{1:#,0}.{2:00}", fen < 0 ? "-" : "", Math.Abs(fen) / 100, Math.Abs(fen) % 100);

    private static string E(string text) => Html.Encode(text);

    private const string AppstoreIcon =
        "<svg class=\"shop-category-icon\" viewBox=\"0 0 16 16\" width=\"22\" height=\"22\" aria-hidden=\"true\"><path fill=\"currentColor\" d=\"M1 1h6v6H1zm1 1v4h4V2zm7-1h6v6H9zm1 1v4h4V2zM1 9h6v6H1zm1 1v4h4v-4zm7-1h6v6H9zm1 1v4h4v-4z\"/></svg>";
}
