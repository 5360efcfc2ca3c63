using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Shop.Api.Hosting;
using Shop.Silo.Configuration;

namespace Shop.Api.Seeding;

/// <summary>
/// Runs once the silo (or cluster client) is up: makes sure the admin exists, seeds the demo
/// catalog where asked, and, when the server listens, prints where the shop is.
/// </summary>
internal sealed class StartupTasks(
    AdminAccount admin, DemoCatalogSeeder seeder, IOptions<DemoDataOptions> demoData, IConfiguration config, IServer server,
    IHostApplicationLifetime lifetime, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var embedded = OrleansHosting.IsEmbedded(config);
        var storage = SiloSettings.From(config).Storage;
        var account = await admin.EnsureAsync(embedded);
        var seed = demoData.Value.Seed ?? (embedded && storage == StorageProvider.Memory);
        var seeded = seed ? await seeder.SeedIfEmptyAsync(cancellationToken) : new DemoCatalogSeeder.Seeded(0, 0);
        lifetime.ApplicationStarted.Register(() => PrintBanner(account, storage, embedded, seeded));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void PrintBanner(AdminAccount.Result? account, StorageProvider storage, bool embedded, DemoCatalogSeeder.Seeded seeded)
    {
        var url = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "(unknown address)";
        url = url.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
        logger.LogInformation("Shop listening on {Url} ({Mode}, {Storage} storage)", url, embedded ? "embedded silo" : "cluster client", storage);

        // Printed to the console, not logged: the demo admin's password must not land in log files.
        Console.WriteLine();
        Console.WriteLine($"  Shop is running at {url}");
        Console.WriteLine($"  API reference:     {url}/scalar    OpenAPI: {url}/openapi/v1.json");
        if (account?.GeneratedPassword is { } password)
        {
            Console.WriteLine($"  Demo admin:        {account.Email} / {password}");
            Console.WriteLine("                     (set ADMIN_EMAIL and ADMIN_PASSWORD to choose the admin account)");
        }
        else if (account is not null)
        {
            Console.WriteLine($"  Admin:             {account.Email} (password from ADMIN_PASSWORD)");
        }

        if (seeded.Products > 0)
        {
            Console.WriteLine($"  Demo catalog:      {seeded.Products} products, {seeded.Reviews} reviews from demo buyers' delivered orders");
        }

        if (storage == StorageProvider.Memory && embedded)
        {
            Console.WriteLine("  Storage:           in memory - everything is lost when the process stops.");
        }

        Console.WriteLine();
    }
}
