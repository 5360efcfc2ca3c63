namespace Shop.Api.Tests.Support;

/// <summary>One shop (and one embedded silo) shared by the API tests; each test uses its own shoppers.</summary>
[CollectionDefinition(Name)]
public sealed class ShopCollection : ICollectionFixture<ShopApiFactory>
{
    public const string Name = "shop";
}
