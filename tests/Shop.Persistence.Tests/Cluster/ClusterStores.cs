using Shop.Persistence.Tests.Mongo;
using Shop.Silo.Migrations;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Cluster;

/// <summary>A fresh, migrated database for a test cluster, as the environment its processes need.</summary>
public static class ClusterStores
{
    public static async Task<IReadOnlyDictionary<string, string>> Postgres(PostgresFixture postgres, string purpose)
    {
        var connection = await postgres.NewDatabase(purpose);
        await new PostgresMigrator(connection, TextWriter.Null).MigrateAsync();
        return new Dictionary<string, string> { ["STORAGE_PROVIDER"] = "postgres", ["POSTGRES_CONNECTION"] = connection };
    }

    /// <summary>Skips the calling test when no MongoDB server is given (MongoFixture says how).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> Mongo(MongoFixture mongo, string purpose)
    {
        var uri = mongo.NewDatabaseUri(purpose);
        using (var connection = new MongoConnection(MongoSettings.Parse(uri), "shop-tests", TimeSpan.FromSeconds(10)))
        {
            await new MongoMigrator(connection.Database, TextWriter.Null, "cluster-tests").MigrateAsync();
        }

        return new Dictionary<string, string> { ["STORAGE_PROVIDER"] = "mongodb", ["MONGO_URI"] = uri };
    }
}
