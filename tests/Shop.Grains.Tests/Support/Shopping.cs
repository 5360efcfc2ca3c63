using Shop.Grains.Carts;
using Shop.Grains.Catalog;
using Shop.Grains.Common;
using Shop.Grains.Orders;
using Shop.Grains.Users;

namespace Shop.Grains.Tests.Support;

/// <summary>Steps tests take through the grains, each with fresh keys so tests never share state.</summary>
public static class Shopping
{
    public static readonly Address Address = new("王小明", "13800138000", "南京路 100 号", "上海");

    public static async Task<string> NewProduct(IGrainFactory grains, int stock, long price = 1000)
    {
        var id = ShopIds.New();
        var details = new ProductDetails($"测试商品 {id[^6..]}", "描述", price, "home", "Brand", ["/img.svg"], new Dictionary<string, string>());
        var created = await grains.GetGrain<IProductGrain>(id).Create(new NewProduct(details, stock));
        Assert.True(created.IsSuccess);
        return id;
    }

    public static async Task<string> ShopperWithCart(IGrainFactory grains, params (string ProductId, int Quantity)[] lines)
    {
        var userId = ShopIds.New();
        foreach (var (productId, quantity) in lines)
        {
            var added = await grains.GetGrain<ICartGrain>(userId).Add(productId, quantity);
            Assert.True(added.IsSuccess, added.Error?.Detail);
        }

        return userId;
    }

    /// <summary>A registered shopper (so notices have someone to go to) with a cart.</summary>
    public static async Task<(string UserId, string Email)> RegisteredShopperWithCart(IGrainFactory grains, params (string ProductId, int Quantity)[] lines)
    {
        var userId = await ShopperWithCart(grains, lines);
        var email = $"shopper-{userId}@test.shop";
        var created = await grains.GetGrain<IUserGrain>(userId).Create(new NewUser(email, "王小明", "hash", Roles.Customer, Languages.Chinese, EmailVerified: true));
        Assert.True(created.IsSuccess);
        return (userId, email);
    }

    public static async Task<Outcome<OrderView>> Checkout(IGrainFactory grains, string userId, string? key = null, long? expectedTotal = null)
    {
        var placed = await grains.GetGrain<IUserOrdersGrain>(userId).Checkout(Address, note: null, key, expectedTotal);
        return placed.Value is { } order ? order.Order : placed.Error!;
    }

    public static async Task<ProductView> Product(IGrainFactory grains, string productId) =>
        (await grains.GetGrain<IProductGrain>(productId).Get())!;

    /// <summary>Polls until <paramref name="condition"/> holds, failing after <paramref name="timeout"/>.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout} waiting for: {what}");
            }

            await Task.Delay(100);
        }
    }
}
