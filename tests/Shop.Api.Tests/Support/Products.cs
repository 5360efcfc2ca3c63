using System.Net;
using System.Text.Json.Nodes;

namespace Shop.Api.Tests.Support;

public static class Products
{
    /// <summary>A fresh product with exactly the stock a test needs, so tests never share stock.</summary>
    public static async Task<string> Create(ShopClient admin, int stock, long price = 1999, string? name = null, string category = "home")
    {
        var product = await admin.Post("/api/admin/products", new
        {
            name = name ?? $"测试商品 Test {Guid.NewGuid():N}"[..30],
            description = "测试描述 test description",
            price,
            category,
            brand = "TestBrand",
            stock,
        }, HttpStatusCode.Created);
        return product["id"]!.GetValue<string>();
    }

    public static JsonArray Items(JsonObject page) => page["items"]!.AsArray();
}
