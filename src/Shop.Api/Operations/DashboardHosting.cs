using Microsoft.AspNetCore.Authentication;
using Orleans.Dashboard;
using Shop.Grains.Users;
using Shop.Silo.Hosting;

namespace Shop.Api.Operations;

/// <summary>The Orleans dashboard at /dashboard, for shop admins only (HTTP Basic with an admin account).</summary>
public static class DashboardHosting
{
    public const string Policy = "operations";

    public static WebApplicationBuilder AddShopDashboardAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<BasicAuthThrottle>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AdminBasicAuthentication>(AdminBasicAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(AdminBasicAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Admin));
        return builder;
    }

    public static WebApplication MapShopDashboard(this WebApplication app)
    {
        if (ShopSiloExtensions.DashboardEnabled(app.Configuration))
        {
            // The dashboard's own endpoints are for ops' browsers, not part of the shop's API document.
            app.MapOrleansDashboard("/dashboard").RequireAuthorization(Policy).ExcludeFromDescription();
        }

        return app;
    }
}
