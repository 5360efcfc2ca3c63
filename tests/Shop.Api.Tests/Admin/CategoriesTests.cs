using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Admin;

/// <summary>Categories that admins manage, on a shop of its own (no demo catalog).</summary>
public sealed class CategoriesTests : OwnShopTest
{

    [Fact]
    public async Task The_first_twelve_stay_and_products_filed_under_them_keep_listing()
    {
        // A shop whose admins never touched categories: the ids products were stored with before.
        Assert.Equal(["phones", "computers", "audio", "appliances", "kitchen", "beauty", "fashion", "sports", "food", "books", "baby", "home"],
            (await Categories()).Select(c => (string)c["id"]!));
        var kettle = await Product("Kettle", "kitchen");
        Assert.Equal([kettle], await Listed("category=kitchen"));
        Assert.Equal(1, (int)(await Categories()).Single(c => (string)c["id"]! == "kitchen")["productCount"]!);
    }

    [Fact]
    public async Task A_new_category_and_its_subcategory_list_search_and_count_their_products()
    {
        var pets = await Admin.Post("/api/admin/categories", new { name = "宠物用品", nameEn = "Pet Supplies" }, HttpStatusCode.Created);
        Assert.Equal(("pet-supplies", null, false), ((string)pets["id"]!, (string?)pets["parentId"], (bool)pets["archived"]!));
        var catFood = await Admin.Post("/api/admin/categories", new { id = "cat-food", name = "猫粮", nameEn = "Cat food", parentId = "pet-supplies" }, HttpStatusCode.Created);
        Assert.Equal("pet-supplies", (string?)catFood["parentId"]);

        var leash = await Product("Leash", "pet-supplies");
        var kibble = await Product("Kibble", "cat-food");
        await Product("Kettle", "kitchen");

        // A parent lists its subcategories' products too, and counts them.
        Assert.Equal(new[] { kibble, leash }.Order(), (await Listed("category=pet-supplies")).Order());
        Assert.Equal([kibble], await Listed("category=cat-food"));
        var page = await Admin.Get("/api/products?category=cat-food");
        var facets = page["facets"]!["categories"]!.AsArray().ToDictionary(f => (string)f!["id"]!, f => (int)f!["count"]!);
        Assert.Equal((2, 1, 1), (facets["pet-supplies"], facets["cat-food"], facets["kitchen"]));
        var listed = await Categories();
        Assert.Equal(("pet-supplies", 2), listed.Where(c => (string)c["id"]! == "pet-supplies").Select(c => ((string)c["id"]!, (int)c["productCount"]!)).Single());

        // Found by its names in either language, a subcategory by its parent's too; renamed, by the new ones.
        Assert.Equal([kibble], await Listed("q=" + Uri.EscapeDataString("猫粮")));
        Assert.Equal(new[] { kibble, leash }.Order(), (await Listed("q=" + Uri.EscapeDataString("Pet Supplies"))).Order());
        await Admin.Put("/api/admin/categories/cat-food", new { name = "主粮", nameEn = "Dry food", parentId = "pet-supplies" });
        Assert.Equal([kibble], await Listed("q=" + Uri.EscapeDataString("Dry food")));
        Assert.Empty(await Listed("q=" + Uri.EscapeDataString("猫粮")));
    }

    [Fact]
    public async Task Admins_reorder_them_and_archive_one_with_products_only_by_moving_them()
    {
        await Admin.Post("/api/admin/categories", new { id = "garden", name = "园艺", nameEn = "Garden" }, HttpStatusCode.Created);
        await Admin.Post("/api/admin/categories", new { id = "seeds", name = "种子", nameEn = "Seeds", parentId = "garden" }, HttpStatusCode.Created);
        var tulips = await Product("Tulip bulbs", "seeds");

        var order = (await Categories()).Select(c => (string)c["id"]!).Reverse().ToList();
        await Admin.Put("/api/admin/categories", new { ids = order });
        Assert.Equal(order, (await Categories()).Select(c => (string)c["id"]!));
        await Admin.Put("/api/admin/categories", new { ids = order.Skip(1) }, HttpStatusCode.BadRequest);

        Assert.Equal("category.has_children", Code(await Admin.Post("/api/admin/categories/garden/archive", new { }, HttpStatusCode.Conflict)));
        var refused = await Admin.Post("/api/admin/categories/seeds/archive", new { }, HttpStatusCode.Conflict);
        Assert.Equal(("category.not_empty", 1), (Code(refused), (int)refused["params"]!["count"]!));
        await Admin.Post("/api/admin/categories/seeds/archive", new { moveTo = "seeds" }, HttpStatusCode.BadRequest);
        var archived = await Admin.Post("/api/admin/categories/seeds/archive", new { moveTo = "garden" });
        Assert.True((bool)archived["archived"]!);

        Assert.Equal("garden", (string?)(await Admin.Get($"/api/products/{tulips}"))["category"]);
        Assert.DoesNotContain("seeds", (await Categories()).Select(c => (string)c["id"]!));
        Assert.Contains((await Admin.Get("/api/admin/categories"))["items"]!.AsArray(), c => (string)c!["id"]! == "seeds" && (bool)c["archived"]!);
        await Admin.Get("/api/products?category=seeds", HttpStatusCode.BadRequest);
        Assert.Equal(["category"], Expect.ErrorFields(await Admin.Post("/api/admin/products",
            new { name = "Rose seeds", description = "", price = 100, category = "seeds", stock = 1 }, HttpStatusCode.BadRequest)));

        await Admin.Post("/api/admin/categories/seeds/restore", null);
        Assert.Contains("seeds", (await Categories()).Select(c => (string)c["id"]!));
    }

    [Fact]
    public async Task Bad_categories_are_refused_with_a_clear_problem()
    {
        await Admin.Post("/api/admin/categories", new { id = "Bad Id", name = "x", nameEn = "x" }, HttpStatusCode.BadRequest);
        await Admin.Post("/api/admin/categories", new { name = "", nameEn = "x" }, HttpStatusCode.BadRequest);
        Assert.Equal("category.exists", Code(await Admin.Post("/api/admin/categories", new { id = "kitchen", name = "厨房", nameEn = "Kitchen" }, HttpStatusCode.Conflict)));
        await Admin.Post("/api/admin/categories", new { id = "tea", name = "茶", nameEn = "Tea", parentId = "food" }, HttpStatusCode.Created);
        // One level only: a subcategory cannot be a parent.
        Assert.Equal("category.parent_invalid", Code(await Admin.Post("/api/admin/categories",
            new { id = "green-tea", name = "绿茶", nameEn = "Green tea", parentId = "tea" }, HttpStatusCode.BadRequest)));
        Assert.Equal("category.not_found", Code(await Admin.Put("/api/admin/categories/nope", new { name = "x", nameEn = "x" }, HttpStatusCode.NotFound)));

        var shopper = await ShopClient.NewShopper(Factory);
        await shopper.Get("/api/admin/categories", HttpStatusCode.Forbidden);
        await shopper.Post("/api/admin/categories", new { name = "x", nameEn = "x" }, HttpStatusCode.Forbidden);
    }

    private static string? Code(JsonObject problem) => (string?)problem["code"];

    private async Task<List<JsonNode>> Categories()
    {
        using var anonymous = Factory.CreateClient();
        return (await anonymous.GetFromJsonAsync<JsonArray>("/api/categories"))!.Select(c => c!).ToList();
    }

    private async Task<string> Product(string name, string category) =>
        (string)(await Admin.Post("/api/admin/products", new { name, description = "", price = 1000, category, stock = 5 }, HttpStatusCode.Created))["id"]!;

    private async Task<List<string>> Listed(string query) =>
        (await Admin.Get("/api/products?" + query))["items"]!.AsArray().Select(p => (string)p!["id"]!).ToList();
}
