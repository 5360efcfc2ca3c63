using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Shop.Api.Tests.Support;
using Shop.Grains.Catalog;
using Shop.Grains.Common;

namespace Shop.Api.Tests.Catalog;

[Collection(ShopCollection.Name)]
public sealed class CatalogTests(ShopApiFactory factory)
{
    private readonly ShopClient _anonymous = new(factory.CreateClient());

    [Fact]
    public async Task The_demo_catalog_has_hundreds_of_products_in_at_least_ten_categories_some_sold_out()
    {
        var categories = (await _anonymous.Get("/api/categories"))["items"]!.AsArray();
        Assert.True(categories.Count >= 10);
        Assert.All(categories, c => Assert.True(c!["productCount"]!.GetValue<int>() > 0));
        Assert.All(categories, c => Assert.False(string.IsNullOrEmpty(c!["nameEn"]!.GetValue<string>())));

        var all = await _anonymous.Get("/api/products?pageSize=100");
        Assert.True(all["total"]!.GetValue<int>() >= 300);
        var inStock = await _anonymous.Get("/api/products?inStock=true&pageSize=1");
        Assert.InRange(all["total"]!.GetValue<int>() - inStock["total"]!.GetValue<int>(), 1, 30);
    }

    [Fact]
    public async Task Product_lists_are_pages_with_totals()
    {
        var first = await _anonymous.Get("/api/products?page=1&pageSize=7");
        var second = await _anonymous.Get("/api/products?page=2&pageSize=7");
        Assert.Equal(7, Products.Items(first).Count);
        Assert.Equal(1, first["page"]!.GetValue<int>());
        Assert.Equal(7, first["pageSize"]!.GetValue<int>());
        Assert.Equal(first["total"]!.GetValue<int>(), second["total"]!.GetValue<int>());
        Assert.Empty(Ids(first).Intersect(Ids(second)));

        var summary = Products.Items(first)[0]!.AsObject();
        foreach (var field in new[] { "id", "name", "price", "category", "brand", "imageUrl", "stock" })
        {
            Assert.True(summary.ContainsKey(field), $"productSummary lacks {field}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=%E8%80%B3%E6%9C%BA")] // 耳机
    [InlineData("maxPrice=100000")]
    [InlineData("q=pro&minPrice=50000")]
    public async Task Facets_count_each_category_and_the_stock_of_what_the_rest_of_the_filter_finds(string filter)
    {
        var page = await _anonymous.Get($"/api/products?{filter}&pageSize=1");
        var facets = page["facets"]!;
        var perCategory = facets["categories"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["count"]!.GetValue<int>());

        Assert.Equal(page["total"]!.GetValue<int>(), perCategory.Values.Sum());
        Assert.True(perCategory.Values.Count(n => n > 0) >= 1);
        foreach (var (category, count) in perCategory.Where(c => c.Value > 0).Take(3))
        {
            Assert.Equal(count, (await _anonymous.Get($"/api/products?{filter}&category={category}&pageSize=1"))["total"]!.GetValue<int>());
            // The stock count of a category's page is what ticking "in stock" there finds.
            var inCategory = (await _anonymous.Get($"/api/products?{filter}&category={category}&pageSize=1"))["facets"]!["inStock"]!.GetValue<int>();
            Assert.Equal(inCategory, (await _anonymous.Get($"/api/products?{filter}&category={category}&inStock=true&pageSize=1"))["total"]!.GetValue<int>());
        }

        var inStock = facets["inStock"]!.GetValue<int>();
        Assert.Equal(inStock, (await _anonymous.Get($"/api/products?{filter}&inStock=true&pageSize=1"))["total"]!.GetValue<int>());
        Assert.True(inStock < page["total"]!.GetValue<int>() || filter.Length > 0, "the demo catalog has sold-out products");
    }

    [Fact]
    public async Task Chinese_substrings_and_english_words_match_in_any_case()
    {
        var chinese = await _anonymous.Get("/api/products?q=" + Uri.EscapeDataString("耳机") + "&pageSize=100");
        Assert.NotEmpty(Products.Items(chinese));
        foreach (var product in Products.Items(chinese))
        {
            Assert.Contains("耳机", await SearchableText(product!));
        }

        var english = await _anonymous.Get("/api/products?q=SOUNDBAR&pageSize=100");
        var lower = await _anonymous.Get("/api/products?q=soundbar&pageSize=100");
        Assert.NotEmpty(Products.Items(english));
        Assert.Equal(Ids(english), Ids(lower));

        var brand = await _anonymous.Get("/api/products?q=sony&pageSize=100");
        Assert.NotEmpty(Products.Items(brand));
        foreach (var product in Products.Items(brand))
        {
            Assert.Contains("sony", await SearchableText(product!), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_search_for_nothing_known_finds_nothing()
    {
        var page = await _anonymous.Get("/api/products?q=zzzqqq-not-a-product");
        Assert.Empty(Products.Items(page));
        Assert.Equal(0, page["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Filters_by_category_price_range_and_stock_combine()
    {
        var page = await _anonymous.Get("/api/products?category=audio&minPrice=30000&maxPrice=200000&inStock=true&pageSize=100");
        Assert.NotEmpty(Products.Items(page));
        Assert.All(Products.Items(page), p =>
        {
            Assert.Equal("audio", p!["category"]!.GetValue<string>());
            Assert.InRange(p["price"]!.GetValue<long>(), 30000, 200000);
            Assert.True(p["stock"]!.GetValue<int>() > 0);
        });
    }

    [Theory]
    [InlineData("price_asc")]
    [InlineData("price_desc")]
    public async Task Sorting_by_price_orders_the_whole_result(string sort)
    {
        var prices = Products.Items(await _anonymous.Get($"/api/products?sort={sort}&pageSize=100"))
            .Select(p => p!["price"]!.GetValue<long>()).ToList();
        var expected = sort == "price_asc" ? prices.Order() : prices.OrderDescending();
        Assert.Equal(expected, prices);
    }

    [Fact]
    public async Task Relevance_puts_name_matches_before_description_matches()
    {
        var items = Products.Items(await _anonymous.Get("/api/products?q=" + Uri.EscapeDataString("降噪") + "&pageSize=100"));
        var firstDescriptionOnly = items.ToList().FindIndex(p => !p!["name"]!.GetValue<string>().Contains("降噪"));
        var lastNameMatch = items.ToList().FindLastIndex(p => p!["name"]!.GetValue<string>().Contains("降噪"));
        Assert.True(lastNameMatch >= 0);
        Assert.True(firstDescriptionOnly == -1 || firstDescriptionOnly > lastNameMatch);
    }

    [Fact]
    public async Task A_latin_word_ranks_hits_at_a_word_start_before_hits_inside_a_word()
    {
        // "phone" starts the phones category's id and sits inside "Audio & Headphones".
        var items = Products.Items(await _anonymous.Get("/api/products?q=phone&pageSize=100"));
        var categories = items.Select(p => p!["category"]!.GetValue<string>()).ToList();
        Assert.Contains("audio", categories);
        Assert.True(categories.IndexOf("audio") > categories.LastIndexOf("phones"), string.Join(",", categories));
    }

    [Theory]
    [InlineData("sony,降噪")]
    [InlineData("sony，降噪。")]
    [InlineData("(sony) / 降噪!")]
    public async Task Punctuation_separates_the_words_of_a_query(string query)
    {
        var spaced = await _anonymous.Get("/api/products?q=" + Uri.EscapeDataString("sony 降噪") + "&pageSize=100");
        var punctuated = await _anonymous.Get("/api/products?q=" + Uri.EscapeDataString(query) + "&pageSize=100");
        Assert.NotEmpty(Products.Items(spaced));
        Assert.Equal(spaced.ToJsonString(), punctuated.ToJsonString());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("minPrice=-1", "minPrice")]
    [InlineData("minPrice=500&maxPrice=100", "maxPrice")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("category=weapons", "category")]
    public async Task Bad_query_values_are_400_naming_the_parameter(string query, string field)
    {
        var problem = await _anonymous.Get("/api/products?" + query, HttpStatusCode.BadRequest);
        Assert.Contains(field, Expect.ErrorFields(problem));
    }

    [Theory]
    [InlineData("page=abc", "page")]
    [InlineData("minPrice=99999999999999999999999", "minPrice")]
    [InlineData("inStock=maybe", "inStock")]
    public async Task Query_values_of_the_wrong_type_are_400_naming_the_parameter(string query, string field)
    {
        var problem = await _anonymous.Get("/api/products?" + query, HttpStatusCode.BadRequest);
        Assert.Equal([field], Expect.ErrorFields(problem));
    }

    [Fact]
    public async Task A_product_shows_its_details_and_an_unknown_one_is_404()
    {
        var id = Products.Items(await _anonymous.Get("/api/products?pageSize=1"))[0]!["id"]!.GetValue<string>();
        var product = await _anonymous.Get($"/api/products/{id}");
        Assert.False(string.IsNullOrEmpty(product["description"]!.GetValue<string>()));
        Assert.NotEmpty(product["images"]!.AsArray());
        Assert.True(product["createdAt"]!.GetValue<DateTimeOffset>() <= product["updatedAt"]!.GetValue<DateTimeOffset>());

        await _anonymous.Get("/api/products/0123456789abcdef0123456789abcdef", HttpStatusCode.NotFound);
        await _anonymous.Get("/api/products/not-an-id", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Random_product_ids_are_answered_404_from_memory_without_activating_a_product()
    {
        var management = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        async Task<int> ProductActivations() => (await management.GetSimpleGrainStatistics())
            .Where(s => s.GrainType.StartsWith("Shop.Grains.Catalog.ProductGrain,", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
        var before = await ProductActivations();

        for (var i = 0; i < 50; i++)
        {
            await _anonymous.Get($"/api/products/{Guid.NewGuid():N}", HttpStatusCode.NotFound);
        }

        Assert.Equal(before, await ProductActivations());
    }

    [Fact]
    public async Task A_product_created_elsewhere_is_found_at_once_although_this_node_cached_the_catalog()
    {
        // Warm this node's copy of the catalog, then create the product as another API node would:
        // straight through its grain, so this node's copy is not told.
        await _anonymous.Get("/api/products?pageSize=1");
        var id = ShopIds.New();
        var details = new ProductDetails("Made elsewhere", "Created through another node", 1999, "phones", null, [], new Dictionary<string, string>());
        Assert.True((await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IProductGrain>(id).Create(new NewProduct(details, 3))).IsSuccess);
        await Task.Delay(TimeSpan.FromMilliseconds(150));

        var product = await _anonymous.Get($"/api/products/{id}");
        Assert.Equal("Made elsewhere", (string?)product["name"]);
    }

    [Fact]
    public async Task Product_images_are_served_as_svg()
    {
        var imageUrl = Products.Items(await _anonymous.Get("/api/products?pageSize=1"))[0]!["imageUrl"]!.GetValue<string>();
        var response = await _anonymous.Http.GetAsync(imageUrl);
        await Expect.Status(response, HttpStatusCode.OK);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await response.Content.ReadAsStringAsync()).TrimStart());
    }

    /// <summary>Everything a search looks at: name, brand, category id and names, description.</summary>
    private async Task<string> SearchableText(JsonNode summary)
    {
        var product = await _anonymous.Get($"/api/products/{summary["id"]!.GetValue<string>()}");
        var categoryId = product["category"]!.GetValue<string>();
        var category = (await _anonymous.Get("/api/categories"))["items"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == categoryId)!;
        return string.Join(" ", product["name"], product["brand"], categoryId, category["name"], category["nameEn"], product["description"]);
    }

    private static List<string> Ids(JsonObject page) => Products.Items(page).Select(p => p!["id"]!.GetValue<string>()).ToList();
}
