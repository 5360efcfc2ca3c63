using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Catalog;

/// <summary>
/// Reviews through the HTTP API on a shop of its own (no demo catalog or demo reviews), so every
/// count and average can be compared exactly with the reviews the test wrote.
/// </summary>
public sealed class ReviewsTests : OwnShopTest
{

    [Fact]
    public async Task Buyers_review_delivered_lines_and_everyone_sees_the_average_and_the_reviews()
    {
        var kettle = await Create("Kettle");
        var (li, liOrder) = await Delivered("李雷", kettle);
        var (han, hanOrder) = await Delivered("韩梅梅", kettle);
        using var anonymous = Factory.CreateClient();

        var written = await li.Post($"/api/products/{kettle}/reviews", new { orderId = liOrder, rating = 4, text = "烧水很快\n外观好看" }, HttpStatusCode.Created);
        Assert.Equal(("李**", 4, "烧水很快\n外观好看", true, true), ((string)written["author"]!, (int)written["rating"]!, (string?)written["text"], (bool)written["verifiedPurchase"]!, (bool)written["mine"]!));
        var liReview = (string)written["id"]!;
        await li.Post($"/api/products/{kettle}/reviews", new { orderId = liOrder, rating = 5 }, HttpStatusCode.Conflict);
        await han.Post($"/api/products/{kettle}/reviews", new { orderId = liOrder, rating = 5 }, HttpStatusCode.Conflict); // not her order
        var hanReview = (string)(await han.Post($"/api/products/{kettle}/reviews", new { orderId = hanOrder, rating = 1 }, HttpStatusCode.Created))["id"]!;

        var list = await Expect.Json(await anonymous.GetAsync($"/api/products/{kettle}/reviews"), HttpStatusCode.OK);
        Assert.Equal((2, 2.5), ((int)list["summary"]!["count"]!, (double)list["summary"]!["average"]!));
        Assert.Equal([1, 0, 0, 1, 0], list["summary"]!["distribution"]!.AsArray().Select(n => (int)n!));
        Assert.Equal([hanReview, liReview], Ids(list)); // newest first
        Assert.All(list["items"]!.AsArray(), r => Assert.False((bool)r!["mine"]!));
        Assert.Equal([liReview, hanReview], Ids(await anonymous.GetFromJsonAsync<JsonObject>($"/api/products/{kettle}/reviews?sort=rating_desc")));

        var product = await Expect.Json(await anonymous.GetAsync($"/api/products/{kettle}"), HttpStatusCode.OK);
        Assert.Equal((2.5, 2), ((double)product["rating"]!, (int)product["reviewCount"]!));

        // Helpful: once per shopper, never one's own; the list can put the most helpful first.
        Assert.Equal(1, (int)(await han.Post($"/api/reviews/{liReview}/helpful", null))["helpful"]!);
        Assert.Equal(1, (int)(await han.Post($"/api/reviews/{liReview}/helpful", null))["helpful"]!);
        await li.Post($"/api/reviews/{liReview}/helpful", null, HttpStatusCode.Conflict);
        Assert.Equal([liReview, hanReview], Ids(await anonymous.GetFromJsonAsync<JsonObject>($"/api/products/{kettle}/reviews?sort=helpful")));

        // The author edits; the average follows.
        var edited = await li.Put($"/api/reviews/{liReview}", new { rating = 5, text = "用了一周，很满意" });
        Assert.Equal((5, "用了一周，很满意", 1), ((int)edited["rating"]!, (string?)edited["text"], (int)edited["helpful"]!));
        await han.Put($"/api/reviews/{liReview}", new { rating = 1 }, HttpStatusCode.NotFound);
        Assert.Equal(3.0, (double)(await li.Get($"/api/products/{kettle}/reviews"))["summary"]!["average"]!);

        // An admin hides Han's review with a reason: shoppers no longer see it or its star.
        await Admin.Put($"/api/admin/reviews/{hanReview}/visibility", new { hidden = true }, HttpStatusCode.BadRequest);
        var hidden = await Admin.Put($"/api/admin/reviews/{hanReview}/visibility", new { hidden = true, reason = "与商品无关" });
        Assert.Equal((true, "与商品无关"), ((bool)hidden["hidden"]!, (string?)hidden["hiddenReason"]));
        list = await Expect.Json(await anonymous.GetAsync($"/api/products/{kettle}/reviews"), HttpStatusCode.OK);
        Assert.Equal([liReview], Ids(list));
        Assert.Equal((1, 5.0), ((int)list["summary"]!["count"]!, (double)list["summary"]!["average"]!));
        var moderation = await Admin.Get("/api/admin/reviews?hidden=true");
        Assert.Equal([hanReview], Ids(moderation));
        Assert.Equal(hanOrder, (string?)moderation["items"]![0]!["orderId"]);
        await han.Post($"/api/reviews/{hanReview}/helpful", null, HttpStatusCode.NotFound);

        // The order page knows which lines are reviewed; the author deletes, and the line can be reviewed again.
        Assert.Equal([liReview], (await li.Get($"/api/orders/{liOrder}/reviews"))["items"]!.AsArray().Select(r => (string)r!["id"]!));
        await han.Get($"/api/orders/{liOrder}/reviews", HttpStatusCode.NotFound);
        await Expect.Status(await li.Http.DeleteAsync($"/api/reviews/{liReview}"), HttpStatusCode.NoContent);
        list = await Expect.Json(await anonymous.GetAsync($"/api/products/{kettle}/reviews"), HttpStatusCode.OK);
        Assert.Equal((0, null), ((int)list["summary"]!["count"]!, list["summary"]!["average"]));
        Assert.Null((await Expect.Json(await anonymous.GetAsync($"/api/products/{kettle}"), HttpStatusCode.OK))["rating"]);
        await li.Post($"/api/products/{kettle}/reviews", new { orderId = liOrder, rating = 4 }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_product_list_sorts_by_rating()
    {
        var good = await Create("Good lamp");
        var fair = await Create("Fair lamp");
        var unrated = await Create("New lamp");
        foreach (var (product, rating) in new[] { (fair, 3), (good, 5), (good, 4) })
        {
            var (buyer, order) = await Delivered("王芳", product);
            await buyer.Post($"/api/products/{product}/reviews", new { orderId = order, rating }, HttpStatusCode.Created);
        }

        // The list comes from the catalog snapshot, which follows the products within moments.
        for (var tries = 0; ; tries++)
        {
            var page = await Admin.Get("/api/products?sort=rating&pageSize=10");
            var rows = page["items"]!.AsArray().Select(p => ((string)p!["id"]!, (double?)p["rating"], (int)p["reviewCount"]!)).ToList();
            if (rows.SequenceEqual([(good, 4.5, 2), (fair, 3.0, 1), (unrated, null, 0)]) || tries == 50)
            {
                Assert.Equal([(good, 4.5, 2), (fair, 3.0, 1), (unrated, null, 0)], rows);
                break;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Bad_reviews_are_a_clear_4xx_and_change_nothing()
    {
        var kettle = await Create("Kettle");
        var (buyer, order) = await Delivered("李雷", kettle);
        var path = $"/api/products/{kettle}/reviews";

        Assert.Equal("review.rating_range", Code(await buyer.Post(path, new { orderId = order, rating = 6 }, HttpStatusCode.BadRequest)));
        Assert.Equal("review.rating_range", Code(await buyer.Post(path, new { orderId = order, rating = 0 }, HttpStatusCode.BadRequest)));
        Assert.Equal("review.text_too_long", Code(await buyer.Post(path, new { orderId = order, rating = 5, text = new string('好', 2001) }, HttpStatusCode.BadRequest)));
        Assert.Equal(["text"], Expect.ErrorFields(await buyer.Post(path, new { orderId = order, rating = 5, text = "bidi \u202e text" }, HttpStatusCode.BadRequest)));
        await buyer.Post(path, new { orderId = order }, HttpStatusCode.BadRequest);
        Assert.Equal("review.not_allowed", Code(await buyer.Post(path, new { orderId = "0123456789abcdef0123456789abcdef", rating = 5 }, HttpStatusCode.Conflict)));
        Assert.Equal("product.not_found", Code(await buyer.Post("/api/products/0123456789abcdef0123456789abcdef/reviews", new { orderId = order, rating = 5 }, HttpStatusCode.NotFound)));
        await buyer.Get($"{path}?sort=best", HttpStatusCode.BadRequest);
        await buyer.Get($"{path}?pageSize=1000", HttpStatusCode.BadRequest);
        Assert.Equal("review.not_found", Code(await buyer.Put("/api/reviews/not-a-review", new { rating = 5 }, HttpStatusCode.NotFound)));
        await Expect.Status(await buyer.Http.DeleteAsync($"/api/reviews/{order}.{kettle}"), HttpStatusCode.NotFound);

        using var anonymous = Factory.CreateClient();
        await Expect.Status(await anonymous.PostAsJsonAsync(path, new { orderId = order, rating = 5 }), HttpStatusCode.Unauthorized);
        await buyer.Get("/api/admin/reviews", HttpStatusCode.Forbidden);
        Assert.Equal(0, (int)(await buyer.Get(path))["summary"]!["count"]!);
    }

    private static string? Code(JsonObject problem) => (string?)problem["code"];

    private static IEnumerable<string> Ids(JsonObject? list) => list!["items"]!.AsArray().Select(r => (string)r!["id"]!);

    private async Task<string> Create(string name)
    {
        var product = await Admin.Post("/api/admin/products", new { name, description = "", price = 5000, category = "home", stock = 100 }, HttpStatusCode.Created);
        return (string)product["id"]!;
    }

    /// <summary>A new shopper who bought the product, paid, and had the order shipped and delivered.</summary>
    private async Task<(ShopClient Shopper, string OrderId)> Delivered(string name, string product)
    {
        var shopper = await ShopClient.NewShopper(Factory, name);
        await shopper.AddToCart(product, 1);
        var order = (string)(await shopper.Checkout())["id"]!;
        await shopper.Post($"/api/orders/{order}/pay", new { method = "card", cardNumber = TestData.ApprovedCard });
        await Admin.Post($"/api/admin/orders/{order}/ship", new { carrier = "SF", trackingNumber = "SF1" });
        await Admin.Post($"/api/admin/orders/{order}/deliver", null);
        return (shopper, order);
    }
}
