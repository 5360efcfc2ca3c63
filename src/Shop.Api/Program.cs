using Shop.Api.Notifications;
using Shop.Api.Alerts;
using Shop.Api.Features.Admin;
using Shop.Api.Features.Auth;
using Shop.Api.Features.Cart;
using Shop.Api.Features.Catalog;
using Shop.Api.Features.Dashboard;
using Shop.Api.Features.Health;
using Shop.Api.Features.Live;
using Shop.Api.Features.Media;
using Shop.Api.Features.Orders;
using Shop.Api.Features.Reviews;
using Shop.Api.Features.Users;
using Shop.Api.Hosting;
using Shop.Api.Operations;
using Shop.Api.Seeding;
using Microsoft.Extensions.Options;
using Shop.Silo.Configuration;
using Shop.Silo.Hosting;

ShopEnvironment.LoadDotEnv();
var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = ShopEnvironment.Override(environment) });
// Every environment but Development gets the production rules: Staging or a misspelt name must not skip them.
if (!builder.Environment.IsDevelopment() && ProductionRules.Refuse(ApiProductionRules.Check(builder.Configuration), Console.Error))
{
    return 1;
}

// Cluster certificates that cannot be used, in any environment: named here rather than failing every connection.
if (ClusterTls.Problems(builder.Configuration, silo: OrleansHosting.IsEmbedded(builder.Configuration)) is { Count: > 0 } tlsProblems)
{
    tlsProblems.ForEach(problem => Console.Error.WriteLine($"configuration error: {problem}"));
    return 1;
}

builder.AddShopApiDefaults();
builder.AddShopCors();
builder.AddShopForwardedHeaders();
builder.AddShopApiTelemetry();
builder.AddShopOrleans();
builder.AddShopAuthentication();
builder.AddShopDashboardAccess();
builder.AddShopNotifications();
builder.AddShopAlerts();
builder.AddShopHealthChecks();
builder.AddShopOpenApi();
builder.AddShopWebClient();
builder.AddShopLive();
builder.Services.AddSingleton<CatalogSnapshot>();
builder.Services.AddSingleton<CartPricing>();
builder.Services.AddShopOptions<WebhookOptions>();
builder.Services.AddSingleton(sp => WebhookSettings.From(sp.GetRequiredService<IOptions<WebhookOptions>>().Value));
builder.Services.AddShopOptions<AdminAccountOptions>();
builder.Services.AddSingleton<AdminAccount>();
builder.Services.AddShopOptions<DemoDataOptions>();
builder.Services.AddSingleton<DemoCatalogSeeder>();
builder.Services.AddSingleton<DemoReviewsSeeder>();
// Registered after Orleans, so it starts once the silo or client is up.
builder.Services.AddHostedService<StartupTasks>();

var app = builder.Build();
if (ShopOptions.Refuse(app.Services, Console.Error))
{
    return 1;
}

app.UseForwardedHeaders();
app.UseShopSecurityHeaders(!app.Environment.IsDevelopment());
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
RequestStats.UseRequestStats(app);
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapShopOpenApi();
app.MapAuthApi();
app.MapUsersApi();
app.MapCatalogApi();
app.MapMediaApi();
app.MapCartApi();
app.MapOrdersApi();
app.MapPaymentWebhookApi();
app.MapAdminProductsApi();
app.MapAdminOrdersApi();
app.MapAdminCategoriesApi();
app.MapDashboardApi();
app.MapReviewsApi();
app.MapLiveApi();
app.MapHealthApi();
app.MapShopMetrics();
app.MapShopDashboard();
app.MapWebClient();

app.Run();
return 0;

/// <summary>The API's entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
