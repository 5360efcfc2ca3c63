using Microsoft.Extensions.Configuration;
using Shop.Silo.Configuration;

namespace Shop.Silo.Hosting;

/// <summary>
/// DASHBOARD_ENABLED: the Orleans dashboard's statistics and pages. On by default in Development
/// only: it profiles every grain call and shows the cluster's inner workings.
/// </summary>
public sealed class ShopDashboardOptions
{
    [ConfigurationKeyName("DASHBOARD_ENABLED")]
    public bool? Enabled { get; set; }

    /// <summary>Read while the silo, the client and the API's routes are built; a malformed value stops the start before anything runs.</summary>
    public static bool IsEnabled(IConfiguration config) =>
        ShopOptions.ReadOrDefault<ShopDashboardOptions>(config).Enabled ?? ShopEnvironment.IsDevelopment(config);
}
