namespace Shop.Api.Tests.Support;

/// <summary>
/// A test class with a shop of its own and no demo catalog (no demo orders or reviews either), so
/// what it counts can be compared exactly with what its tests made.
/// </summary>
public abstract class OwnShopTest : IAsyncLifetime
{
    protected ShopApiFactory Factory { get; private set; } = null!;

    protected ShopClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new ShopApiFactory();
        Factory.Settings["SEED_DEMO_DATA"] = "false";
        Admin = await ShopClient.Admin(Factory);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
