using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Shop.Silo.Commands;
using Shop.Silo.Configuration;
using Shop.Silo.Hosting;
using Shop.Silo.Migrations;
using Shop.Silo.Operations;

namespace Shop.Silo;

/// <summary>
/// <c>Shop.Silo</c> runs a silo; <c>Shop.Silo migrate</c>, <c>rollback</c> and <c>migration-status</c>
/// manage the database schema and exit; <c>backup FILE</c> and <c>restore FILE --yes</c> save and bring back
/// the database; <c>Shop.Silo import FILE</c> imports products through an API node.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        ShopEnvironment.LoadDotEnv();
        if (args.Length > 0 && MigrationCommands.Names.Contains(args[0]))
        {
            var config = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args[1..]).Build();
            return await MigrationCommands.RunAsync(args[0], config, Console.Out, Console.Error);
        }

        if (args.Length > 0 && BackupCommands.Names.Contains(args[0]))
        {
            var config = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            return await BackupCommands.RunAsync(args[0], args[1..], config, Console.Out, Console.Error);
        }

        if (args.Length > 0 && args[0] == ImportCommand.Name)
        {
            var config = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            return await ImportCommand.RunAsync(args[1..], config, Console.Out, Console.Error);
        }

        if (args.Length > 0 && !args[0].StartsWith('-'))
        {
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Use no command to run a silo, or one of: {string.Join(", ", MigrationCommands.Names.Concat(BackupCommands.Names).Append(ImportCommand.Name))}.");
            return 2;
        }

        var environment = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            EnvironmentName = ShopEnvironment.Name(environment),
        });
        if (!builder.Environment.IsDevelopment() && ProductionRules.Refuse(ProductionRules.ForSilo(builder.Configuration), Console.Error))
        {
            return 1;
        }

        // SILO_HOSTING=kubernetes outside a pod, or without the downward API, and cluster certificates
        // that cannot be used, in any environment.
        var problems = KubernetesHosting.Problems(builder.Configuration)
            .Concat(ClusterTls.Problems(builder.Configuration, silo: true))
            .ToList();
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync($"configuration error: {problem}");
        }

        if (problems.Count > 0)
        {
            return 1;
        }

        builder.Logging.AddShopLogging(builder.Configuration);
        builder.Services.AddShopTelemetry(builder.Configuration, "shop-silo").AddSiloMetricsEndpoint(builder.Configuration);
        builder.UseOrleans(silo => silo.AddShopSilo(builder.Configuration));
        var host = builder.Build();
        if (ShopOptions.Refuse(host.Services, Console.Error))
        {
            return 1;
        }

        await host.RunAsync();
        return 0;
    }
}
