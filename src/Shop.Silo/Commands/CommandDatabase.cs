using Microsoft.Extensions.Configuration;
using Npgsql;
using Shop.Silo.Configuration;

namespace Shop.Silo.Commands;

/// <summary>The database a command (migrate, backup, ...) works on: the one a silo with the same settings would use.</summary>
public static class CommandDatabase
{
    /// <summary>The settings when they name a database; else null, after one line on <paramref name="error"/> saying why.</summary>
    public static SiloSettings? Read(string command, IConfiguration config, TextWriter error)
    {
        SiloSettings settings;
        try
        {
            settings = SiloSettings.From(config);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"error: {e.Message}");
            return null;
        }

        if (settings is { Storage: StorageProvider.Postgres, PostgresConnection: not null } or { Storage: StorageProvider.MongoDb, MongoUri: not null })
        {
            return settings;
        }

        error.WriteLine($"error: {command} needs a database: set MONGO_URI (STORAGE_PROVIDER=mongodb) or POSTGRES_CONNECTION (STORAGE_PROVIDER=postgres). The current storage is {settings.Storage}.");
        return null;
    }

    /// <summary>host:port/database of a PostgreSQL connection string: what to print, never the user or password.</summary>
    public static string DescribePostgres(string connectionString)
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
