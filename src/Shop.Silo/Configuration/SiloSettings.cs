using Microsoft.Extensions.Configuration;

namespace Shop.Silo.Configuration;

public enum StorageProvider
{
    Memory,
    Postgres,
    MongoDb,
}

/// <summary>The cluster's settings, read from the environment variable names ops use.</summary>
public sealed record SiloSettings(
    StorageProvider Storage,
    string? PostgresConnection,
    string? MongoUri,
    int SiloPort,
    int GatewayPort,
    int PrimarySiloPort,
    string? AdvertisedIp,
    string ClusterId,
    string ServiceId)
{
    public static SiloSettings From(IConfiguration config)
    {
        var postgres = Blank(config["POSTGRES_CONNECTION"]);
        var mongo = Blank(config["MONGO_URI"]);
        var storage = Blank(config["STORAGE_PROVIDER"])?.ToLowerInvariant() switch
        {
            null => mongo is not null ? StorageProvider.MongoDb : postgres is not null ? StorageProvider.Postgres : StorageProvider.Memory,
            "memory" => StorageProvider.Memory,
            "postgres" or "postgresql" => StorageProvider.Postgres,
            "mongodb" or "mongo" => StorageProvider.MongoDb,
            var other => throw new InvalidOperationException($"STORAGE_PROVIDER must be memory, postgres or mongodb; got '{other}'."),
        };
        var siloPort = Port(config, "SILO_PORT", 11111);
        return new SiloSettings(
            storage, postgres, mongo,
            siloPort,
            Port(config, "GATEWAY_PORT", 30000),
            // Memory storage has no membership table: silos find each other through a primary silo.
            Port(config, "PRIMARY_SILO_PORT", siloPort),
            Blank(config["SILO_ADVERTISED_IP"]),
            Blank(config["CLUSTER_ID"]) ?? "shop",
            Blank(config["SERVICE_ID"]) ?? "shop");
    }

    /// <summary>The database settings are complete for the chosen provider.</summary>
    public void EnsureComplete()
    {
        if (Storage == StorageProvider.Postgres && PostgresConnection is null)
        {
            throw new InvalidOperationException("STORAGE_PROVIDER=postgres needs POSTGRES_CONNECTION.");
        }

        if (Storage == StorageProvider.MongoDb && MongoUri is null)
        {
            throw new InvalidOperationException("STORAGE_PROVIDER=mongodb needs MONGO_URI.");
        }

        if (Storage == StorageProvider.MongoDb)
        {
            // A malformed MONGO_URI stops the process here, with a message that names no password.
            Persistence.Mongo.MongoSettings.Parse(MongoUri);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int Port(IConfiguration config, string name, int fallback)
    {
        var raw = Blank(config[name]);
        if (raw is null)
        {
            return fallback;
        }

        return int.TryParse(raw, out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidOperationException($"{name} must be a TCP port (1-65535); got '{raw}'.");
    }
}
