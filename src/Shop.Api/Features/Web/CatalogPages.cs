using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shop.Api.Features.Catalog;

namespace Shop.Api.Features.Web;

/// <summary>
/// The home page, the product list and a product's page, made on this API node from the catalog
/// snapshot: the catalog's own API handlers answer (so the data is exactly what the client would
/// fetch), and <see cref="FirstScreen"/> draws the first screen from those answers. The query rules
/// mirror the client's (web/src/features/catalog: FEATURED_PRODUCTS_QUERY, use-product-filters).
/// </summary>
internal sealed class CatalogPages(CatalogSnapshot catalog, IGrainFactory grains, JsonSerializerOptions json, WebTexts texts)
{
    private const int DefaultPageSize = 20;
    private static readonly string[] Sorts = ["relevance", "price_asc", "price_desc", "newest", "popular"];

    public async Task<WebPage> Home(CancellationToken cancellationToken)
    {
        var page = new WebPage(WebRoutes.Home, texts.Get("seo.homeTitle"), texts.Get("seo.homeDescription"), "/");
        var categories = await Categories(page, cancellationToken);
        // The client's FEATURED_PRODUCTS_QUERY.
        var featured = await ProductList(page, new ProductQuery(null, null, null, null, InStock: true, "popular", 1, 8), cancellationToken);
        return page with { Body = FirstScreen.Home(texts, categories, featured) };
    }

    public async Task<WebPage> Products(IQueryCollection query, CancellationToken cancellationToken)
    {
        var filters = ProductQuery.FromUrl(query);
        var category = query["category"].ToString();
        var heading = filters.Q is null ? texts.Get("catalog.allProducts") : texts.Get("catalog.resultsFor", ("q", filters.Q));
        var canonical = "/products" + CanonicalQuery(filters);
        var page = new WebPage(WebRoutes.Products, texts.Get("seo.pageTitle", ("page", heading)), texts.Get("seo.productsDescription"), canonical);
        var categories = await Categories(page, cancellationToken);
        var categoryName = categories?.AsArray().FirstOrDefault(c => (string?)c?["id"] == category)?["name"]?.GetValue<string>();
        if (categoryName is not null && filters.Q is null)
        {
            page = page with
            {
                Title = texts.Get("seo.pageTitle", ("page", categoryName)),
                Description = texts.Get("seo.categoryDescription", ("category", categoryName)),
            };
        }

        var products = await ProductList(page, filters, cancellationToken);
        return page with { Body = FirstScreen.ProductList(texts, heading, filters, products) };
    }

    public async Task<WebPage> Product(string id, CancellationToken cancellationToken)
    {
        var categories = await Categories(null, cancellationToken);
        var (status, product) = Unwrap(await CatalogApi.GetProduct(id, grains, catalog, cancellationToken));
        if (status != StatusCodes.Status200OK || product is null)
        {
            return new WebPage(WebRoutes.ProductDetail, texts.Get("seo.pageTitle", ("page", texts.Get("catalog.productNotFound"))),
                texts.Get("seo.homeDescription"), "/products/" + Uri.EscapeDataString(id)) { Status = StatusCodes.Status404NotFound };
        }

        var node = JsonSerializer.SerializeToNode(product, json)!.AsObject();
        var name = (string)node["name"]!;
        var path = "/products/" + Uri.EscapeDataString(id);
        var page = new WebPage(WebRoutes.ProductDetail, texts.Get("seo.pageTitle", ("page", name)), Summary((string?)node["description"] ?? name), path)
        {
            ImagePath = (string?)node["imageUrl"],
            OpenGraphType = "product",
            JsonLd = ProductJsonLd(node),
        };
        page.Data[ApiUrl("/api/categories")] = categories;
        page.Data[ApiUrl(path.Replace("/products/", "/api/products/", StringComparison.Ordinal))] = node;
        var category = categories?.AsArray().FirstOrDefault(c => (string?)c?["id"] == (string?)node["category"]);
        return page with { Body = FirstScreen.Product(texts, node, category) };
    }

    /// <summary>schema.org Product: name, picture, description, brand, the offer (price in CNY, availability) and, once reviewed, the rating.</summary>
    private static JsonObject ProductJsonLd(JsonObject product)
    {
        var price = product["price"]!.GetValue<long>();
        var ld = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Product",
            ["name"] = (string?)product["name"],
            ["sku"] = (string?)product["id"],
            ["description"] = Summary((string?)product["description"] ?? ""),
            ["image"] = new JsonArray(((product["images"] as JsonArray)?.Select(i => (string?)i) ?? [(string?)product["imageUrl"]])
                .Where(i => i is not null).Select(i => (JsonNode)JsonValue.Create(i!)).ToArray()),
            ["offers"] = new JsonObject
            {
                ["@type"] = "Offer",
                ["price"] = (price / 100m).ToString("0.00", CultureInfo.InvariantCulture),
                ["priceCurrency"] = "CNY",
                ["availability"] = product["stock"]!.GetValue<int>() > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
                ["itemCondition"] = "https://schema.org/NewCondition",
            },
        };
        if (product["brand"] is JsonValue brand)
        {
            ld["brand"] = new JsonObject { ["@type"] = "Brand", ["name"] = brand.GetValue<string>() };
        }

        // Only ratings that buyers' reviews stand behind (the product's visible reviews).
        if (product["rating"] is JsonValue rating && product["reviewCount"]?.GetValue<int>() is > 0 and var count)
        {
            ld["aggregateRating"] = new JsonObject
            {
                ["@type"] = "AggregateRating",
                ["ratingValue"] = rating.GetValue<double>().ToString("0.0", CultureInfo.InvariantCulture),
                ["reviewCount"] = count,
                ["bestRating"] = "5",
                ["worstRating"] = "1",
            };
        }

        return ld;
    }

    private async Task<JsonNode?> Categories(WebPage? page, CancellationToken cancellationToken)
    {
        var (_, value) = Unwrap(await CatalogApi.ListCategories(catalog, cancellationToken));
        var node = JsonSerializer.SerializeToNode(value, json);
        if (page is not null)
        {
            page.Data[ApiUrl("/api/categories")] = node;
        }

        return node;
    }

    private async Task<JsonNode?> ProductList(WebPage page, ProductQuery query, CancellationToken cancellationToken)
    {
        // The API checks a query before its handler runs (request validation); so does this page, and leaves
        // one it refuses to the client, which asks and shows the problem.
        var apiQuery = new Catalog.ProductQuery
        {
            Q = query.Q, Category = query.Category, MinPrice = query.MinPrice, MaxPrice = query.MaxPrice,
            InStock = query.InStock ? true : null, Sort = query.Sort, Page = query.Page, PageSize = query.PageSize,
        };
        if (!Validator.TryValidateObject(apiQuery, new ValidationContext(apiQuery), [], validateAllProperties: true))
        {
            return null;
        }

        var (status, value) = Unwrap(await CatalogApi.ListProducts(apiQuery, catalog, cancellationToken));
        if (status != StatusCodes.Status200OK)
        {
            return null;
        }

        var node = JsonSerializer.SerializeToNode(value, json);
        page.Data[ApiUrl("/api/products", query.ApiParameters())] = node;
        return node;
    }

    /// <summary>Only what names the content: the words, the category and the page, not its order or filters.</summary>
    private static string CanonicalQuery(ProductQuery filters)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        if (filters.Q is not null) parameters.Add(new("q", filters.Q));
        if (filters.Category is not null) parameters.Add(new("category", filters.Category));
        if (filters.Page > 1) parameters.Add(new("page", filters.Page.ToString(CultureInfo.InvariantCulture)));
        return parameters.Count == 0 ? "" : Microsoft.AspNetCore.Http.QueryString.Create(parameters!).Value!;
    }

    /// <summary>The API URL of a request with its parameters sorted, as the client looks answers up.</summary>
    internal static string ApiUrl(string path, IEnumerable<KeyValuePair<string, string>>? parameters = null)
    {
        var sorted = (parameters ?? []).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? path : path + QueryString.Create(sorted!).Value;
    }

    /// <summary>A description for search results: the first sentence or so, at most 150 characters.</summary>
    internal static string Summary(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 150 ? oneLine : oneLine[..149].TrimEnd() + "…";
    }

    private static (int Status, object? Value) Unwrap(IResult result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return ((result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK, (result as IValueHttpResult)?.Value);
    }

    /// <summary>The product list's query as the client derives it from the page's URL (prices there are in yuan).</summary>
    internal sealed record ProductQuery(string? Q, string? Category, long? MinPrice, long? MaxPrice, bool InStock, string? Sort, int Page, int PageSize)
    {
        public static ProductQuery FromUrl(IQueryCollection query)
        {
            var q = query["q"].ToString().Trim();
            var sort = query["sort"].ToString();
            return new ProductQuery(
                q.Length == 0 ? null : q,
                query["category"].ToString() is { Length: > 0 } category ? category : null,
                Fen(query["minPrice"]),
                Fen(query["maxPrice"]),
                query["inStock"] == "true",
                // "relevance" without words is left to the API's default, as the client does.
                Sorts.Contains(sort) && !(sort == "relevance" && q.Length == 0) ? sort : null,
                PositiveInt(query["page"], 1, int.MaxValue),
                PositiveInt(query["pageSize"], DefaultPageSize, 100));
        }

        public IEnumerable<KeyValuePair<string, string>> ApiParameters()
        {
            if (Q is not null) yield return new("q", Q);
            if (Category is not null) yield return new("category", Category);
            if (MinPrice is not null) yield return new("minPrice", MinPrice.Value.ToString(CultureInfo.InvariantCulture));
            if (MaxPrice is not null) yield return new("maxPrice", MaxPrice.Value.ToString(CultureInfo.InvariantCulture));
            if (InStock) yield return new("inStock", "true");
            if (Sort is not null) yield return new("sort", Sort);
            yield return new("page", Page.ToString(CultureInfo.InvariantCulture));
            yield return new("pageSize", PageSize.ToString(CultureInfo.InvariantCulture));
        }

        private static int PositiveInt(string? value, int fallback, int max) =>
            int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max ? n : fallback;

        /// <summary>Yuan as typed ("19", "19.9", "19.99") to fen, as web/src/lib/money.ts parses it; anything else is ignored.</summary>
        private static long? Fen(string? yuan)
        {
            var match = System.Text.RegularExpressions.Regex.Match(yuan?.Trim() ?? "", @"^(\d{1,13})(?:\.(\d{0,2}))?$");
            return match.Success
                ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * 100 + long.Parse(match.Groups[2].Value.PadRight(2, '0'), CultureInfo.InvariantCulture)
                : null;
        }
    }
}
