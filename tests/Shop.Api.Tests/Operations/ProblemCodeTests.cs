using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Shop.Api.Tests.Support;
using Shop.Grains.Common;

namespace Shop.Api.Tests.Operations;

/// <summary>Every problem carries a stable code the web client translates, in both of its languages.</summary>
[Collection(ShopCollection.Name)]
public sealed class ProblemCodeTests(ShopApiFactory factory) : ShopperTest(factory)
{
    public static TheoryData<string> Locales => new() { "zh-CN", "en-US" };

    [Theory]
    [MemberData(nameof(Locales))]
    public void Every_code_the_api_can_answer_is_translated_by_the_web_client(string locale)
    {
        var translated = Flatten(JsonNode.Parse(File.ReadAllText(LocaleFile(locale)))!["problems"]!.AsObject(), "").ToHashSet();

        Assert.NotEmpty(ErrorCodes.All);
        var missing = ErrorCodes.All.Except(translated).ToList();
        Assert.True(missing.Count == 0, $"web/src/locales/{locale}/problems.json lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task A_stock_shortage_names_its_code_and_how_many_are_left()
    {
        var product = await Products.Create(Admin, stock: 3);

        var problem = await Shopper.Post("/api/cart/items", new { productId = product, quantity = 5 }, HttpStatusCode.Conflict);

        Assert.Equal(ErrorCodes.StockInsufficient, problem["code"]!.GetValue<string>());
        Assert.Equal(3, problem["params"]!["available"]!.GetValue<int>());
        Assert.Equal("Only 3 left in stock.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_state_conflict_names_the_order_status_for_the_client_to_translate()
    {
        var product = await Products.Create(Admin, stock: 3);
        await Shopper.AddToCart(product, 1);
        var id = (await Shopper.Checkout())["id"]!.GetValue<string>();
        await Shopper.Post($"/api/orders/{id}/pay", new { method = "card", cardNumber = TestData.ApprovedCard });
        await Admin.Post($"/api/admin/orders/{id}/ship", new { carrier = "顺丰速运", trackingNumber = "SF1" });

        var problem = await Shopper.Post($"/api/orders/{id}/cancel", null, HttpStatusCode.Conflict);

        Assert.Equal(ErrorCodes.OrderNotCancellable, problem["code"]!.GetValue<string>());
        Assert.Equal("Shipped", problem["params"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answers_the_framework_makes_carry_a_code_by_status()
    {
        var anonymous = Factory.CreateClient();
        Assert.Equal(ErrorCodes.AuthRequired, await CodeOf(await anonymous.GetAsync("/api/cart")));
        Assert.Equal(ErrorCodes.Forbidden, await CodeOf(await Shopper.Http.GetAsync("/api/admin/orders")));
        Assert.Equal(ErrorCodes.NotFound, await CodeOf(await anonymous.GetAsync("/api/nothing-here")));
        Assert.Equal(ErrorCodes.MethodNotAllowed, await CodeOf(await anonymous.DeleteAsync("/api/products")));
        var badJson = new StringContent("{\"productId\": ", Encoding.UTF8, "application/json");
        Assert.Equal(ErrorCodes.Invalid, await CodeOf(await Shopper.Http.PostAsync("/api/cart/items", badJson)));
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?["code"]?.GetValue<string>();

    private static IEnumerable<string> Flatten(JsonObject node, string prefix) => node.SelectMany(p =>
        p.Value is JsonObject child ? Flatten(child, $"{prefix}{p.Key}.") : [prefix + p.Key]);

    private static string LocaleFile(string locale) => RepositoryFiles.PathOf("web", "src", "locales", locale, "problems.json");
}
