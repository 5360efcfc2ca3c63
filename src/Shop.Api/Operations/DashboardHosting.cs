using Microsoft.AspNetCore.Authentication;
using Orleans.Dashboard;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;
using Shop.Grains.Users;
using Shop.Silo.Hosting;

namespace Shop.Api.Operations;

/// <summary>
/// The Orleans dashboard at /dashboard, for shop admins only (HTTP Basic with an admin account), on
/// the API node's own port: nginx does not proxy it. Its grain-state view (which would show a
/// user grain's password and reset-token hashes) and its live trace are not served.
/// </summary>
public static class DashboardHosting
{
    public const string Policy = "operations";

    private static readonly string[] HiddenViews = ["/dashboard/GrainState", "/dashboard/Trace"];

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
            app.UseWhen(
                http => HiddenViews.Any(view => http.Request.Path.StartsWithSegments(view, StringComparison.OrdinalIgnoreCase)),
                hidden => hidden.Run(http => Problems.NotFound(ErrorCodes.NotFound, "This view of the dashboard is not served.").ExecuteAsync(http)));
            // The dashboard's own endpoints are for ops' browsers, not part of the shop's API document.
            app.MapOrleansDashboard("/dashboard").RequireAuthorization(Policy).ExcludeFromDescription();
        }

        return app;
    }
}
