using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using MongoDB.Bson;
using MongoDB.Driver;
using Shop.Silo.Migrations;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>migrate / rollback / migration-status on MongoDB: against a server where one is given, and the failures that need none.</summary>
[Collection(MongoCollection.Name)]
public sealed class MongoMigrationTests(MongoFixture mongo)
{
    [SkippableFact]
    public async Task Migrate_creates_the_collections_and_indexes_and_is_safe_to_run_twice()
    {
        using var connection = mongo.NewConnection("migrate");
        var log = new StringWriter();
        var migrator = new MongoMigrator(connection.Database, log, "shop");

        Assert.Equal(MongoMigrator.All.Count, await migrator.MigrateAsync());
        Assert.Equal(0, await migrator.MigrateAsync());

        var collections = await Collections(connection.Database);
        Assert.Contains(MongoNames.Membership, collections);
        Assert.Contains(MongoNames.Reminders, collections);
        Assert.All(MongoNames.ShopStates, s => Assert.Contains(MongoNames.GrainStateCollection(s), collections));
        var indexes = await (await connection.Collection(MongoNames.Reminders).Indexes.ListAsync()).ToListAsync();
        Assert.Equal(["_id_", "ix_reminders_grain", "ix_reminders_hash"], indexes.Select(i => i["name"].AsString).Order());
        Assert.Equal(MongoMigrator.All.Select(m => m.Version), await migrator.AppliedVersionsAsync());
        Assert.Contains("Applying 0001", log.ToString());
        Assert.Contains("nothing to apply", log.ToString());
        Assert.Null(await connection.Collection(MongoNames.Migrations).Find(new BsonDocument("_id", MongoMigrator.LockId)).FirstOrDefaultAsync());
    }

    [SkippableFact]
    public async Task Rollback_undoes_one_step_at_a_time_and_migrate_reapplies_them()
    {
        using var connection = mongo.NewConnection("rollback");
        var migrator = new MongoMigrator(connection.Database, TextWriter.Null, "shop");
        await migrator.MigrateAsync();
        await connection.Collection(MongoNames.GrainStateCollection("not-listed")).InsertOneAsync(new BsonDocument("_id", "x/1"));

        // Newest first, whatever the number of steps.
        for (var version = MongoMigrator.All[^1].Version; version > 0; version--)
        {
            Assert.Equal(version, await migrator.RollbackAsync());
            var collections = await Collections(connection.Database);
            if (version == 3)
            {
                Assert.DoesNotContain(MongoNames.Reminders, collections);
            }

            if (version == 2)
            {
                Assert.DoesNotContain(collections, c => c.StartsWith(MongoNames.GrainStatePrefix, StringComparison.Ordinal));
            }
        }

        Assert.Equal(0, await migrator.RollbackAsync());
        Assert.Empty(await migrator.AppliedVersionsAsync());

        Assert.Equal(MongoMigrator.All.Count, await migrator.MigrateAsync());
    }

    [SkippableFact]
    public async Task Concurrent_runners_apply_each_step_once()
    {
        using var connection = mongo.NewConnection("concurrent");
        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new MongoMigrator(connection.Database, TextWriter.Null, "shop").MigrateAsync()));
        Assert.Equal(MongoMigrator.All.Count, applied.Sum());
    }

    [SkippableFact]
    public async Task The_commands_migrate_report_status_and_roll_back_through_MONGO_URI()
    {
        var uri = mongo.NewDatabaseUri("commands");
        var output = new StringWriter();
        Assert.Equal(0, await MigrationCommands.RunAsync("migrate", Config(uri), output, TextWriter.Null));
        Assert.Equal(0, await MigrationCommands.RunAsync("migration-status", Config(uri), output, TextWriter.Null));
        Assert.Contains("0003 orleans_reminders", output.ToString());
        Assert.Contains("SERVICE_ID shop", output.ToString());
        Assert.DoesNotContain("pending", output.ToString());
        Assert.Equal(0, await MigrationCommands.RunAsync("rollback", Config(uri), output, TextWriter.Null));
        Assert.Contains($"Rolling back {MongoMigrator.All[^1].Version:D4}", output.ToString());
    }

    [Fact]
    public async Task Migrate_against_an_unreachable_server_fails_quickly_and_clearly_and_names_no_password()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var clock = Stopwatch.StartNew();

        var exit = await MigrationCommands.RunAsync("migrate", Config("mongodb://shop:hunter2-secret@127.0.0.1:1/shop?authSource=admin", "shop-eu"), output, error);

        Assert.Equal(1, exit);
        // The grain state step works on the service the silos' SERVICE_ID names: the command says which.
        Assert.Contains("migrate: MongoDB 127.0.0.1:1/shop, SERVICE_ID shop-eu", output.ToString());
        Assert.Contains("cannot reach MongoDB 127.0.0.1:1/shop", error.ToString());
        Assert.DoesNotContain("hunter2", output.ToString() + error.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("mongodb://shop:hunter2-secret@", "not a valid MongoDB connection string")]
    [InlineData("postgres://shop:hunter2-secret@db/shop", "must start with mongodb://")]
    [InlineData("mongodb://shop:hunter2-secret@db:27017/sh.op", "does not allow")]
    public async Task A_malformed_MONGO_URI_is_a_usage_error_that_names_no_password(string uri, string message)
    {
        var error = new StringWriter();
        var exit = await MigrationCommands.RunAsync("migrate", Config(uri), TextWriter.Null, error);
        Assert.Equal(2, exit);
        Assert.Contains(message, error.ToString());
        Assert.DoesNotContain("hunter2", error.ToString());
    }

    private static IConfiguration Config(string uri, string? serviceId = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["MONGO_URI"] = uri, ["STORAGE_PROVIDER"] = "mongodb", ["SERVICE_ID"] = serviceId })
        .Build();

    private static async Task<List<string>> Collections(IMongoDatabase database) =>
        await (await database.ListCollectionNamesAsync()).ToListAsync();
}
