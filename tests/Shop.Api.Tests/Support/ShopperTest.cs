namespace Shop.Api.Tests.Support;

/// <summary>A test class that signs in the admin and a fresh shopper before each test.</summary>
public abstract class ShopperTest(ShopApiFactory factory) : IAsyncLifetime
{
    protected ShopApiFactory Factory { get; } = factory;

    protected ShopClient Admin { get; private set; } = null!;

    protected ShopClient Shopper { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Admin = await ShopClient.Admin(Factory);
        Shopper = await ShopClient.NewShopper(Factory);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
