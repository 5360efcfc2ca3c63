using System.Net;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Cart;

[Collection(ShopCollection.Name)]
public sealed class CartTests(ShopApiFactory factory) : ShopperTest(factory)
{
    [Fact]
    public async Task A_cart_needs_a_signed_inShopper()
    {
        await new ShopClient(Factory.CreateClient()).Get("/api/cart", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Adding_setting_and_removing_lines_keeps_totals_at_current_prices()
    {
        var cheap = await Products.Create(Admin, stock: 50, price: 1250);
        var dear = await Products.Create(Admin, stock: 50, price: 9900);

        await Shopper.AddToCart(cheap, 2);
        await Shopper.AddToCart(cheap, 1);
        var cart = await Shopper.AddToCart(dear, 1);
        Assert.Equal(4, cart["itemCount"]!.GetValue<int>());
        Assert.Equal(3 * 1250 + 9900, cart["subtotal"]!.GetValue<long>());
        var line = cart["items"]!.AsArray().Single(i => i!["productId"]!.GetValue<string>() == cheap)!;
        Assert.Equal(3, line["quantity"]!.GetValue<int>());
        Assert.Equal(3750, line["lineTotal"]!.GetValue<long>());
        Assert.Equal(50, line["available"]!.GetValue<int>());

        await Admin.Put($"/api/admin/products/{dear}", new { name = "涨价了 Pricier", description = "", price = 12000, category = "home" });
        cart = await Shopper.Put($"/api/cart/items/{cheap}", new { quantity = 5 });
        Assert.Equal(5 * 1250 + 12000, cart["subtotal"]!.GetValue<long>());

        cart = await Shopper.Put($"/api/cart/items/{cheap}", new { quantity = 0 });
        Assert.Single(cart["items"]!.AsArray());
        var response = await Shopper.Http.DeleteAsync($"/api/cart/items/{dear}");
        Assert.Empty((await Expect.Json(response, HttpStatusCode.OK))["items"]!.AsArray());
    }

    [Fact]
    public async Task Clearing_empties_the_cart()
    {
        await Shopper.AddToCart(await Products.Create(Admin, stock: 5), 1);
        await Expect.Status(await Shopper.Http.DeleteAsync("/api/cart"), HttpStatusCode.NoContent);
        Assert.Equal(0, (await Shopper.Get("/api/cart"))["itemCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100)]
    [InlineData(int.MaxValue)]
    public async Task Quantities_outside_1_to_99_are_refused(int quantity)
    {
        var product = await Products.Create(Admin, stock: 500);
        var problem = await Shopper.AddToCart(product, quantity, HttpStatusCode.BadRequest);
        Assert.Contains("quantity", Expect.ErrorFields(problem));
        Assert.Empty((await Shopper.Get("/api/cart"))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"productId":"0123456789abcdef0123456789abcdef","quantity":1""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("")]
    public async Task Malformed_bodies_are_400_problems(string body)
    {
        var response = await Shopper.Http.PostAsync("/api/cart/items", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await Expect.Json(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"productId":"0123456789abcdef0123456789abcdef","quantity":"2"}""", "quantity")]
    [InlineData("""{"productId":"0123456789abcdef0123456789abcdef","quantity":1.5}""", "quantity")]
    [InlineData("""{"productId":"0123456789abcdef0123456789abcdef","quantity":1e30}""", "quantity")]
    [InlineData("""{"productId":42,"quantity":1}""", "productId")]
    public async Task Values_of_the_wrong_type_are_400_problems_naming_the_field(string body, string field)
    {
        var response = await Shopper.Http.PostAsync("/api/cart/items", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await Expect.Json(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], Expect.ErrorFields(problem));
        Assert.Empty((await Shopper.Get("/api/cart"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_line_cannot_pass_99()
    {
        var product = await Products.Create(Admin, stock: 500);
        await Shopper.AddToCart(product, 60);
        var problem = await Shopper.AddToCart(product, 40, HttpStatusCode.BadRequest);
        Assert.Contains("quantity", Expect.ErrorFields(problem));
        Assert.Equal(60, (await Shopper.Get("/api/cart"))["itemCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_products_are_404_and_short_stock_is_409()
    {
        await Shopper.AddToCart("0123456789abcdef0123456789abcdef", 1, HttpStatusCode.NotFound);
        var scarce = await Products.Create(Admin, stock: 2);
        var problem = await Shopper.AddToCart(scarce, 3, HttpStatusCode.Conflict);
        Assert.Contains(scarce, Expect.ErrorFields(problem));
        await Shopper.Put($"/api/cart/items/{scarce}", new { quantity = 3 }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_cart_holds_at_most_100_different_products()
    {
        var products = await Task.WhenAll(Enumerable.Range(0, 101).Select(_ => Products.Create(Admin, stock: 5)));
        foreach (var product in products.Take(100))
        {
            await Shopper.AddToCart(product, 1);
        }

        await Shopper.AddToCart(products[100], 1, HttpStatusCode.BadRequest);
        Assert.Equal(100, (await Shopper.Get("/api/cart"))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Shoppers_only_see_their_own_cart()
    {
        await Shopper.AddToCart(await Products.Create(Admin, stock: 5), 2);
        var other = await ShopClient.NewShopper(Factory);
        Assert.Empty((await other.Get("/api/cart"))["items"]!.AsArray());
    }

    [Fact]
    public async Task An_archived_product_leaves_carts_and_the_catalog()
    {
        var product = await Products.Create(Admin, stock: 5);
        await Shopper.AddToCart(product, 1);

        await Expect.Status(await Admin.Http.DeleteAsync($"/api/admin/products/{product}"), HttpStatusCode.NoContent);

        Assert.Empty((await Shopper.Get("/api/cart"))["items"]!.AsArray());
        await Shopper.Get($"/api/products/{product}", HttpStatusCode.NotFound);
        await Shopper.AddToCart(product, 1, HttpStatusCode.NotFound);
    }
}
