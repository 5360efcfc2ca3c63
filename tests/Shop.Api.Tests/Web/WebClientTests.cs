using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Web;

public sealed partial class WebClientTests(WebClientFixture fixture) : IClassFixture<WebClientFixture>
{
    private readonly HttpClient _http = fixture.Factory.CreateClient();

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("gzip;q=0.5, br;q=0.2", "gzip")]
    [InlineData("*", "br")]
    public async Task A_built_file_is_sent_as_the_compressed_copy_the_browser_prefers(string acceptEncoding, string expected)
    {
        using var response = await Get(WebClientFixture.Script, acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length < Encoding.UTF8.GetByteCount(WebClientFixture.ScriptText) / 4, "the copy is compressed");
        Assert.Equal(WebClientFixture.ScriptText, Decompress(bytes, expected));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    [InlineData("br;q=0, gzip;q=0")]
    public async Task Without_an_accepted_encoding_the_file_itself_is_sent_and_still_varies_by_encoding(string? acceptEncoding)
    {
        using var response = await Get(WebClientFixture.Script, acceptEncoding);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(WebClientFixture.ScriptText, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/products")]
    [InlineData("/cart")]
    [InlineData("/api/products?pageSize=2")]
    [InlineData("/api/health/live")]
    [InlineData(WebClientFixture.Script)]
    [InlineData("/robots.txt")]
    public async Task HEAD_is_answered_wherever_GET_is_with_the_same_headers_and_no_body(string path)
    {
        using var get = await Get(path);
        using var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_large_API_answer_is_compressed_and_a_small_one_is_sent_as_it_is_with_its_length()
    {
        using var large = await Get("/api/products?pageSize=100", "br, gzip");
        Assert.Equal(["br"], large.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", large.Headers.Vary);
        var page = JsonNode.Parse(Decompress(await large.Content.ReadAsByteArrayAsync(), "br"))!;
        Assert.Equal(100, page["items"]!.AsArray().Count);

        using var gzip = await Get("/api/products?pageSize=100", "gzip");
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);

        using var small = await Get("/api/health/live", "br, gzip");
        Assert.Empty(small.Content.Headers.ContentEncoding);
        var body = await small.Content.ReadAsByteArrayAsync();
        Assert.InRange(body.Length, 1, 1023);
        Assert.Equal(body.Length, small.Content.Headers.ContentLength);
        Assert.NotNull(JsonNode.Parse(body));
    }

    [Fact]
    public async Task A_reviewed_product_page_carries_its_rating_in_the_JSON_LD()
    {
        // The demo catalog's best-rated product: its rating comes from the demo buyers' reviews.
        using var client = fixture.Factory.CreateClient();
        var best = (await client.GetFromJsonAsync<JsonObject>("/api/products?sort=rating&pageSize=1"))!["items"]![0]!;
        Assert.True(best["reviewCount"]!.GetValue<int>() > 0);

        using var response = await Get($"/products/{best["id"]}");
        var rating = JsonNode.Parse(ScriptContent(await response.Content.ReadAsStringAsync(), "application/ld+json"))!["aggregateRating"]!;
        Assert.Equal("AggregateRating", (string?)rating["@type"]);
        Assert.Equal(best["rating"]!.GetValue<double>().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), (string?)rating["ratingValue"]);
        Assert.Equal(best["reviewCount"]!.GetValue<int>(), rating["reviewCount"]!.GetValue<int>());
        Assert.Equal(("5", "1"), ((string?)rating["bestRating"], (string?)rating["worstRating"]));
    }

    [Fact]
    public async Task A_product_page_carries_its_title_description_canonical_URL_Open_Graph_and_Product_JSON_LD()
    {
        var admin = await ShopClient.Admin(fixture.Factory);
        var id = await Products.Create(admin, stock: 7, price: 12345, name: $"网页测试商品 Page {Guid.NewGuid():N}"[..24]);
        var product = await admin.Get($"/api/products/{id}");
        var name = product["name"]!.GetValue<string>();

        using var response = await Get($"/products/{id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<title>{name} - Shop 商城</title>", html);
        Assert.Contains("<meta name=\"description\" content=\"测试描述 test description\" />", html);
        Assert.Contains($"<link rel=\"canonical\" href=\"http://localhost/products/{id}\" />", html);
        Assert.Contains("<meta property=\"og:type\" content=\"product\" />", html);
        Assert.Contains($"<meta property=\"og:image\" content=\"http://localhost/api/media/products/{id}/0.svg\" />", html);
        // A page with a first screen leaves its route's chunks and styles to the entry, after the first paint.
        Assert.DoesNotContain("/assets/page-product-detail-1.js", html);
        Assert.DoesNotContain("/assets/page-product-detail-1.css", html);

        var ld = JsonNode.Parse(ScriptContent(html, "application/ld+json"))!;
        Assert.Equal("https://schema.org", ld["@context"]!.GetValue<string>());
        Assert.Equal("Product", ld["@type"]!.GetValue<string>());
        Assert.Equal(name, ld["name"]!.GetValue<string>());
        Assert.Equal("TestBrand", ld["brand"]!["name"]!.GetValue<string>());
        Assert.Equal($"http://localhost/api/media/products/{id}/0.svg", ld["image"]![0]!.GetValue<string>());
        Assert.Equal("123.45", ld["offers"]!["price"]!.GetValue<string>());
        Assert.Equal("CNY", ld["offers"]!["priceCurrency"]!.GetValue<string>());
        Assert.Equal("https://schema.org/InStock", ld["offers"]!["availability"]!.GetValue<string>());
        Assert.Equal($"http://localhost/products/{id}", ld["offers"]!["url"]!.GetValue<string>());
        Assert.Null(ld["aggregateRating"]); // no reviews yet: no rating to claim

        // The first screen, and the API's own answer for the client to start from; the scripts start after it.
        Assert.Contains("<meta name=\"shop-scripts\" content=\"/assets/app-1234.js\" />", html);
        Assert.Contains("<script src=\"/boot.js\" defer></script>", html);
        Assert.DoesNotContain("<script type=\"module\"", html);
        Assert.Contains($">{name}</h1>", html);
        Assert.Contains("¥123.45", html);
        Assert.Contains("库存 7 件", html);
        var data = JsonNode.Parse(ScriptContent(html, "application/json"))!;
        Assert.Equal(product.ToJsonString(), data[$"/api/products/{id}"]!.ToJsonString());
        Assert.NotNull(data["/api/categories"]);
    }

    [Fact]
    public async Task A_page_the_client_draws_gets_the_layout_and_loads_its_route_with_the_entry_after_the_first_paint()
    {
        var html = await _http.GetStringAsync("/cart");
        // The layout and the page's title are drawn (on screen before the scripts); the scripts start after
        // that first frame, the route's styles and chunks with the entry.
        Assert.Contains("<div id=\"root\"><div class=\"shop-layout shop-pre\"><header", html);
        Assert.Contains("<main class=\"shop-content\"><h1 class=\"shop-page-title shop-pre-heading\">购物车</h1></main>", html);
        Assert.Contains("<meta name=\"shop-scripts\" content=\"/assets/app-1234.js /assets/page-cart-1.css /assets/page-cart-1.js\" />", html);
        Assert.Contains("<script src=\"/boot.js\" defer></script>", html);
        Assert.DoesNotContain("<script type=\"module\"", html);
        Assert.DoesNotContain("modulepreload", html);
        Assert.Contains("<title>购物车 - Shop 商城</title>", html);
        Assert.DoesNotContain("shop-data", html);
        Assert.Contains("<meta name=\"description\" content=\"数百种商品。\" />", html);
    }

    [Fact]
    public async Task A_sold_out_product_is_out_of_stock_in_its_JSON_LD()
    {
        var admin = await ShopClient.Admin(fixture.Factory);
        var id = await Products.Create(admin, stock: 0);
        var html = await _http.GetStringAsync($"/products/{id}");
        var ld = JsonNode.Parse(ScriptContent(html, "application/ld+json"))!;
        Assert.Equal("https://schema.org/OutOfStock", ld["offers"]!["availability"]!.GetValue<string>());
        Assert.Contains("已售罄", html);
    }

    [Theory]
    [InlineData("/products/0123456789abcdef0123456789abcdef")]
    [InlineData("/products/not-an-id")]
    [InlineData("/no-such-page")]
    public async Task An_unknown_product_or_page_answers_404_with_the_client_to_show_it(string path)
    {
        using var response = await Get(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<main class=\"shop-content\"></main>", html);
        Assert.Contains("<meta name=\"shop-scripts\" content=\"/assets/app-1234.js", html);
        Assert.DoesNotContain("application/ld+json", html);
    }

    [Fact]
    public async Task The_home_page_carries_the_answers_the_client_would_ask_for_first()
    {
        using var response = await Get("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Shop 商城 - 发现你喜欢的好物</title>", html);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/\" />", html);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());

        // Keyed as web/src/features/catalog asks (FEATURED_PRODUCTS_QUERY), parameters sorted.
        var data = JsonNode.Parse(ScriptContent(html, "application/json"))!;
        var featured = data["/api/products?inStock=true&page=1&pageSize=8&sort=popular"]!;
        var asked = await _http.GetStringAsync("/api/products?sort=popular&inStock=true&pageSize=8&page=1");
        Assert.Equal(Ids(JsonNode.Parse(asked)!), Ids(featured));
        Assert.Equal(8, featured["items"]!.AsArray().Count);
        Assert.Contains($"href=\"/products/{featured["items"]![0]!["id"]}\"", html);
        Assert.Equal(12, data["/api/categories"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_product_list_page_follows_the_filters_in_its_URL_as_the_client_reads_them()
    {
        var html = await _http.GetStringAsync("/products?category=audio&minPrice=100&inStock=true&sort=price_asc&page=2");
        var data = JsonNode.Parse(ScriptContent(html, "application/json"))!;
        // Prices in the URL are yuan; the API takes fen.
        var page = data["/api/products?category=audio&inStock=true&minPrice=10000&page=2&pageSize=20&sort=price_asc"]!;
        var asked = JsonNode.Parse(await _http.GetStringAsync("/api/products?category=audio&minPrice=10000&inStock=true&sort=price_asc&page=2&pageSize=20"))!;
        Assert.Equal(asked["total"]!.GetValue<int>(), page["total"]!.GetValue<int>());
        Assert.Equal(Ids(asked), Ids(page));
        // The canonical URL names the content (category and page), not its order or filters.
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/products?category=audio&amp;page=2\" />", html);
    }

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap_which_lists_every_product_page()
    {
        var robots = await _http.GetStringAsync("/robots.txt");
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots);
        Assert.Contains("Disallow: /account", robots);
        Assert.Contains("Disallow: /api/", robots);
        Assert.Contains("Allow: /api/media/", robots);

        using var response = await Get("/sitemap.xml");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var sitemap = await response.Content.ReadAsStringAsync();
        var locations = LocRegex().Matches(sitemap).Select(m => m.Groups[1].Value).ToList();
        var total = JsonNode.Parse(await _http.GetStringAsync("/api/products?pageSize=1"))!["total"]!.GetValue<int>();
        Assert.Equal(total, locations.Count(l => l.StartsWith("http://localhost/products/", StringComparison.Ordinal)));
        Assert.Contains("http://localhost/", locations);
        Assert.Contains("http://localhost/products?category=audio", locations);
        Assert.Equal(locations.Count, locations.Distinct().Count());
    }

    private async Task<HttpResponseMessage> Get(string path, string? acceptEncoding = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await _http.SendAsync(request);
    }

    private static string Decompress(byte[] bytes, string encoding)
    {
        using Stream stream = encoding == "br" ? new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress) : new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string ScriptContent(string html, string type)
    {
        var match = Regex.Match(html, $"<script[^>]*type=\"{Regex.Escape(type)}\"[^>]*>(.*?)</script>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no {type} script");
        return match.Groups[1].Value;
    }

    private static List<string> Ids(JsonNode page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();

    [GeneratedRegex("<loc>([^<]*)</loc>")]
    private static partial Regex LocRegex();
}
