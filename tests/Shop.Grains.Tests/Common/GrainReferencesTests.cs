using Shop.Grains.Carts;
using Shop.Grains.Catalog;
using Shop.Grains.Common;

namespace Shop.Grains.Tests.Common;

[Collection(ClusterCollection.Name)]
public sealed class GrainReferencesTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public void A_reference_names_the_same_grain_and_interface_as_orleans_own()
    {
        foreach (var key in new[] { "shopper-1", "shopper-2", "品牌 ünïcode" })
        {
            var ours = (GrainReference)(object)_grains.Get<ICartGrain>(key);
            var orleans = (GrainReference)(object)_grains.GetGrain<ICartGrain>(key);
            Assert.Equal(orleans.GrainId, ours.GrainId);
            Assert.Equal(orleans.InterfaceType, ours.InterfaceType);
        }

        Assert.Throws<ArgumentException>(() => _grains.GetGrain<ICartGrain>(" "));
        Assert.Throws<ArgumentException>(() => _grains.Get<ICartGrain>(" "));

        // Each interface keeps its own types: a second one is not given the first one's.
        Assert.Equal(_grains.GetGrain<IProductGrain>("p-1").GetGrainId(), _grains.Get<IProductGrain>("p-1").GetGrainId());
    }

    [Fact]
    public async Task Calls_through_it_reach_the_grain()
    {
        var product = await Shopping.NewProduct(_grains, stock: 5);
        var shopper = $"refs-{Guid.NewGuid():N}";

        var added = await _grains.Get<ICartGrain>(shopper).Add(product, 2);

        Assert.True(added.IsSuccess);
        Assert.Equal(2, Assert.Single(await _grains.GetGrain<ICartGrain>(shopper).GetLines()).Quantity);
    }
}
