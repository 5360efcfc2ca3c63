using Shop.Grains.Catalog;
using Shop.Grains.Common;

namespace Shop.Grains.Tests.Catalog;

/// <summary>
/// The categories grain on its own cluster (one grain per cluster: tests that change it must not
/// share it with others): the first twelve until changed, then what admins made of them.
/// </summary>
public sealed class CategoriesTests : IAsyncLifetime
{
    private readonly ClusterFixture _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    private ICategoriesGrain Categories => _cluster.Grains.GetGrain<ICategoriesGrain>(0);

    [Fact]
    public async Task A_shop_whose_categories_were_never_changed_has_the_ids_its_products_were_filed_under()
    {
        var list = await Categories.List();
        Assert.Equal(0, list.Version);
        Assert.Equal(CategoryRules.Defaults, list.Items);
        Assert.Null(await Categories.ListIfChanged(0));
    }

    [Fact]
    public async Task Changes_keep_one_level_of_subcategories_and_archive_only_what_has_none()
    {
        Assert.True((await Categories.Create("pets", new CategoryDraft("宠物", "Pets", null))).IsSuccess);
        Assert.True((await Categories.Create("cat-food", new CategoryDraft("猫粮", "Cat food", "pets"))).IsSuccess);
        Assert.Equal(ErrorCodes.CategoryParentInvalid, (await Categories.Create("wet-food", new CategoryDraft("湿粮", "Wet food", "cat-food"))).Error?.Code);
        Assert.Equal(ErrorCodes.CategoryParentInvalid, (await Categories.Update("pets", new CategoryDraft("宠物", "Pets", "home"))).Error?.Code); // has a child
        Assert.Equal(ErrorCodes.CategoryExists, (await Categories.Create("kitchen", new CategoryDraft("厨房", "Kitchen", null))).Error?.Code);
        Assert.Equal(ErrorCodes.Invalid, (await Categories.Create("Pets!", new CategoryDraft("x", "x", null))).Error?.Code);

        Assert.Equal(ErrorCodes.CategoryHasChildren, (await Categories.SetArchived("pets", true)).Error?.Code);
        var archived = (await Categories.SetArchived("cat-food", true)).Value!;
        Assert.Equal("cat-food", archived.Items[^1].Id); // archived ones last
        Assert.True(archived.Items[^1].Archived);
        Assert.Equal(ErrorCodes.Invalid, (await Categories.Reorder(["pets"])).Error?.Code); // must name every active one

        var active = archived.Items.Where(c => !c.Archived).Select(c => c.Id).Reverse().ToList();
        var reordered = (await Categories.Reorder(active)).Value!;
        Assert.Equal([.. active, "cat-food"], reordered.Items.Select(c => c.Id));
        Assert.Equal(4, reordered.Version); // two creates, an archive, a reorder: refusals change nothing

        // What was written survives the grain's deactivation (read back from storage).
        await _cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(reordered.Items, (await Categories.List()).Items);
        Assert.Equal(reordered.Items, (await Categories.ListIfChanged(0))!.Items);
    }
}
