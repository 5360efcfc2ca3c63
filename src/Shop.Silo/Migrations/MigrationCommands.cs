using Microsoft.Extensions.Configuration;
using Npgsql;
using Shop.Silo.Configuration;

namespace Shop.Silo.Migrations;

/// <summary>`Shop.Silo migrate | rollback | migration-status`: the runbook's database_migration and database_rollback.</summary>
public static class MigrationCommands
{
    public static readonly string[] Names = ["migrate", "rollback", "migration-status"];

    public static async Task<int> RunAsync(string command, IConfiguration config, TextWriter output, TextWriter error)
    {
        SiloSettings settings;
        try
        {
            settings = SiloSettings.From(config);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }

        if (settings.Storage != StorageProvider.Postgres || settings.PostgresConnection is null)
        {
            error.WriteLine($"error: {command} needs a database: set POSTGRES_CONNECTION (and STORAGE_PROVIDER=postgres). The current storage is {settings.Storage}.");
            return 2;
        }

        var target = Describe(settings.PostgresConnection);
        output.WriteLine($"{command}: PostgreSQL {target}");
        var migrator = new PostgresMigrator(settings.PostgresConnection, output);
        try
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
                    foreach (var m in PostgresMigrator.All)
                    {
                        output.WriteLine($"  {m.Version:D4} {m.Name,-28} {(applied.Contains(m.Version) ? "applied" : "pending")}");
                    }

                    break;
            }

            return 0;
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

    /// <summary>host:port/database, never the password.</summary>
    private static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "(unreadable POSTGRES_CONNECTION)";
        }
    }
}
