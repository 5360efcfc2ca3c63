using Microsoft.Extensions.Configuration;
using MongoDB.Driver;
using Npgsql;
using Shop.Silo.Commands;
using Shop.Silo.Configuration;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Silo.Migrations;

/// <summary>`Shop.Silo migrate | rollback | migration-status`: the runbook's database_migration and database_rollback.</summary>
public static class MigrationCommands
{
    public static readonly string[] Names = ["migrate", "rollback", "migration-status"];

    public static async Task<int> RunAsync(string command, IConfiguration config, TextWriter output, TextWriter error)
    {
        if (CommandDatabase.Read(command, config, error) is not { } settings)
        {
            return 2;
        }

        if (settings.MongoUri is not null && settings.Storage == StorageProvider.MongoDb)
        {
            return await RunMongoAsync(command, settings.MongoUri, settings.ServiceId, output, error);
        }

        var target = CommandDatabase.DescribePostgres(settings.PostgresConnection!);
        output.WriteLine($"{command}: PostgreSQL {target}");
        var migrator = new PostgresMigrator(settings.PostgresConnection!, output);
        try
        {
            return await Run(command, migrator, output);
        }
        catch (PostgresException e)
        {
            error.WriteLine();
            error.WriteLine($"error: PostgreSQL refused the step ({e.SqlState}): {e.MessageText}. Nothing of this step was kept.");
            return 1;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            error.WriteLine();
            error.WriteLine($"error: cannot reach PostgreSQL {target}: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> RunMongoAsync(string command, string uri, string serviceId, TextWriter output, TextWriter error)
    {
        MongoSettings mongo;
        try
        {
            mongo = MongoSettings.Parse(uri);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }

        var target = mongo.Describe();
        // SERVICE_ID as the silos read it: grain state is keyed by it (step 5).
        output.WriteLine($"{command}: MongoDB {target}, SERVICE_ID {serviceId}");
        using var connection = new MongoConnection(mongo, "shop-migrate", MongoSettings.CommandServerSelectionTimeout);
        var migrator = new MongoMigrator(connection.Database, output, serviceId);
        try
        {
            return await Run(command, migrator, output);
        }
        catch (TimeoutException) when (!mongo.ExplicitServerSelectionTimeout)
        {
            // The driver's message describes the cluster; it is not printed, the target is.
            error.WriteLine();
            error.WriteLine($"error: cannot reach MongoDB {target}: no server answered within {MongoSettings.CommandServerSelectionTimeout.TotalSeconds:0} s.");
            return 1;
        }
        catch (TimeoutException)
        {
            error.WriteLine();
            error.WriteLine($"error: cannot reach MongoDB {target}: no server answered within the URI's serverSelectionTimeoutMS.");
            return 1;
        }
        catch (MongoAuthenticationException)
        {
            error.WriteLine();
            error.WriteLine($"error: MongoDB {target} refused the user in MONGO_URI (authentication failed).");
            return 1;
        }
        catch (MongoConnectionException)
        {
            error.WriteLine();
            error.WriteLine($"error: cannot reach MongoDB {target}: the connection failed.");
            return 1;
        }
        catch (MongoCommandException e)
        {
            error.WriteLine();
            error.WriteLine($"error: MongoDB refused the step ({e.CodeName}, code {e.Code}): {e.ErrorMessage}. Re-running is safe: every operation of a step is idempotent.");
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or MongoException)
        {
            error.WriteLine();
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> Run(string command, ISchemaMigrator migrator, TextWriter output)
    {
        switch (command)
        {
            case "migrate":
                await migrator.MigrateAsync();
                break;
            case "rollback":
                await migrator.RollbackAsync();
                break;
            default:
                var applied = await migrator.AppliedVersionsAsync();
                foreach (var (version, name) in migrator.Steps)
                {
                    output.WriteLine($"  {version:D4} {name,-28} {(applied.Contains(version) ? "applied" : "pending")}");
                }

                break;
        }

        return 0;
    }
}
