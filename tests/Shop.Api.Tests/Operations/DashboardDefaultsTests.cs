using Microsoft.Extensions.Configuration;
using Shop.Silo.Hosting;

namespace Shop.Api.Tests.Operations;

/// <summary>The Orleans dashboard is on by default in Development only.</summary>
public sealed class DashboardDefaultsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Production_and_staging_leave_it_off_unless_DASHBOARD_ENABLED_is_true()
    {
        Assert.False(ShopSiloExtensions.DashboardEnabled(Config()));
        Assert.False(ShopSiloExtensions.DashboardEnabled(Config(("environment", "Staging"))));
        Assert.False(ShopSiloExtensions.DashboardEnabled(Config(("environment", "Production"))));
        Assert.False(ShopSiloExtensions.DashboardEnabled(Config(("ASPNETCORE_ENVIRONMENT", "Production"))));
        Assert.True(ShopSiloExtensions.DashboardEnabled(Config(("ASPNETCORE_ENVIRONMENT", "Production"), ("DASHBOARD_ENABLED", "true"))));
    }

    [Fact]
    public void Development_has_it_on_unless_DASHBOARD_ENABLED_is_false()
    {
        Assert.True(ShopSiloExtensions.DashboardEnabled(Config(("environment", "Development"))));
        Assert.True(ShopSiloExtensions.DashboardEnabled(Config(("NODE_ENV", "development"))));
        Assert.False(ShopSiloExtensions.DashboardEnabled(Config(("environment", "Development"), ("DASHBOARD_ENABLED", "false"))));
    }

    [Fact]
    public void A_value_that_is_not_true_or_false_turns_nothing_on_in_production()
    {
        // Earlier any value but "false" turned it on, "no" and "0" included; now the start check refuses it (SettingsTests).
        Assert.False(ShopSiloExtensions.DashboardEnabled(Config(("ASPNETCORE_ENVIRONMENT", "Production"), ("DASHBOARD_ENABLED", "no"))));
    }
}
