using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Driver;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Shop.Grains.Carts;
using Shop.Persistence.Tests.Mongo.Emulation;
using Shop.Silo.Migrations;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>Against a MongoDB server (see <see cref="MongoFixture"/>); skipped without one.</summary>
[Collection(MongoCollection.Name)]
public sealed class MongoServiceKeyTests(MongoFixture mongo) : ServiceKeyContract
{
    private MongoConnection? _connection;

    private string Uri => field ??= mongo.NewDatabaseUri("servicekey");

    private MongoConnection Connection => _connection ??= new(MongoSettings.Parse(Uri), "shop-tests", TimeSpan.FromSeconds(10));

    protected override IMongoDatabase Database => Connection.Database;

    protected override IMongoCollection<BsonDocument> Collection(string name) => Connection.Collection(name);

    protected override Task<StorageHost> StartHostAsync(string serviceId) => StorageHost.StartAsync(silo =>
    {
        silo.AddShopMongoGrainStorage(Uri);
        silo.Services.Configure<ClusterOptions>(o => o.ServiceId = serviceId);
    });

    public override void Dispose() => _connection?.Dispose();
}

/// <summary>The same cases against the in-memory model of MongoDB: runs everywhere.</summary>
public sealed class EmulatedServiceKeyTests : ServiceKeyContract
{
    private readonly InMemoryMongoConnection _connection = new();

    protected override IMongoDatabase Database => _connection.InMemoryDatabase;

    protected override IMongoCollection<BsonDocument> Collection(string name) => _connection.Collection(name);

    protected override Task<StorageHost> StartHostAsync(string serviceId) => StorageHost.StartAsync(silo =>
    {
        silo.Services.AddSingleton<MongoConnection>(_connection);
        silo.AddShopMongoGrainStorage("mongodb://in-memory/shop");
        silo.Services.Configure<ClusterOptions>(o => o.ServiceId = serviceId);
    });
}

/// <summary>
/// Grain state is keyed by SERVICE_ID: two services on one database keep apart, and migration step 5
/// moves the documents of earlier releases (keyed by the grain id alone) to the key and back.
/// </summary>
public abstract class ServiceKeyContract : IDisposable
{
    private const string Service = "shop";
    private static readonly string Carts = MongoNames.GrainStateCollection("cart");

    // A state name the migration does not list: its collection is moved too.
    private static readonly string Unlisted = MongoNames.GrainStateCollection("legacy");

    private static readonly OrleansGrainStorageSerializer StateSerializer = new(
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    /// <summary>An empty database shared by the whole test (or a skip).</summary>
    protected abstract IMongoDatabase Database { get; }

    protected abstract IMongoCollection<BsonDocument> Collection(string name);

    /// <summary>A silo with the MongoDB grain storage on that database and this ServiceId.</summary>
    protected abstract Task<StorageHost> StartHostAsync(string serviceId);

    public virtual void Dispose()
    {
    }

    [SkippableFact]
    public async Task Two_services_on_one_database_keep_separate_state_for_the_same_grain()
    {
        await using var a = await StartHostAsync("shop-a");
        await using var b = await StartHostAsync("shop-b");
        var grain = GrainId.Create("cart", Guid.NewGuid().ToString("N"));

        var ofA = new GrainState<CartState>(Cart("from-a"));
        await a.Storage.WriteStateAsync("cart", grain, ofA);

        var ofB = await Read(b, grain);
        Assert.False(ofB.RecordExists);
        Assert.Empty(ofB.State!.Lines);

        // B's first write creates its own document: A's is no concurrent writer to it.
        ofB.State = Cart("from-b");
        await b.Storage.WriteStateAsync("cart", grain, ofB);
        Assert.Equal("from-a", (await Read(a, grain)).State!.Lines[0].ProductId);
        Assert.Equal("from-b", (await Read(b, grain)).State!.Lines[0].ProductId);

        await a.Storage.ClearStateAsync("cart", grain, ofA);
        Assert.False((await Read(a, grain)).RecordExists);
        Assert.Equal("from-b", (await Read(b, grain)).State!.Lines[0].ProductId);

        Assert.Equal(
            ["shop-a", "shop-b"],
            (await Documents(Carts)).Select(d => d["_id"]["serviceId"].AsString).Order());
    }

    [SkippableFact]
    public async Task Migrate_moves_earlier_documents_to_the_service_key_and_rollback_moves_them_back()
    {
        var earlier = await SeedEarlierReleaseAsync();
        var log = new StringWriter();
        var migrator = new MongoMigrator(Database, log, Service);

        Assert.Equal(MongoMigrator.All.Count, await migrator.MigrateAsync());

        var moved = await StateDocuments();
        Assert.Equal(earlier.Count, moved.Count);
        Assert.All(earlier, e => Assert.Contains(
            GrainStateKeyMigration.Rekeyed(e, Service, toServiceKey: true), moved));
        Assert.DoesNotContain(moved, d => d["_id"].IsString);
        Assert.Contains("state_cart 2 moved", log.ToString());
        Assert.Contains("state_legacy 1 moved", log.ToString());

        // The silos of this release read it under their key.
        await using (var host = await StartHostAsync(Service))
        {
            var read = await Read(host, GrainId.Create("cart", "g1"));
            Assert.Equal("kept", read.State!.Lines[0].ProductId);
            Assert.Equal("e1", read.ETag);
        }

        // Back to before step 5 (the steps after it first).
        int rolledBack;
        do
        {
            rolledBack = await migrator.RollbackAsync();
        }
        while (rolledBack > 5);

        Assert.Equal(5, rolledBack);
        Assert.Equal(Sorted(earlier), await StateDocuments());

        Assert.Equal(MongoMigrator.All.Count - 4, await migrator.MigrateAsync());
        Assert.Equal(moved, await StateDocuments());
        Assert.Contains(OtherService, await Documents(Carts));
    }

    [SkippableFact]
    public async Task Running_either_direction_twice_changes_nothing_the_second_time()
    {
        await SeedEarlierReleaseAsync();
        Assert.Equal(3, await GrainStateKeyMigration.MoveAllAsync(Database, Service, true, TextWriter.Null, default));
        var moved = await StateDocuments();

        Assert.Equal(0, await GrainStateKeyMigration.MoveAllAsync(Database, Service, true, TextWriter.Null, default));
        Assert.Equal(moved, await StateDocuments());

        Assert.Equal(3, await GrainStateKeyMigration.MoveAllAsync(Database, Service, false, TextWriter.Null, default));
        var back = await StateDocuments();
        Assert.Equal(0, await GrainStateKeyMigration.MoveAllAsync(Database, Service, false, TextWriter.Null, default));
        Assert.Equal(back, await StateDocuments());
    }

    [SkippableFact]
    public async Task A_move_interrupted_after_its_copy_is_finished_and_a_grain_written_under_both_keys_stops_the_step()
    {
        // Interrupted: the copy is there (same etag), the original was not deleted yet.
        var original = Document("cart/h1", "e1", "h1");
        var copy = GrainStateKeyMigration.Rekeyed(original, Service, toServiceKey: true);
        await Collection(Carts).InsertOneAsync(original);
        await Collection(Carts).InsertOneAsync(copy);

        Assert.Equal(1, await GrainStateKeyMigration.MoveAllAsync(Database, Service, true, TextWriter.Null, default));
        Assert.Equal(copy, Assert.Single(await Documents(Carts)));

        // A silo of this release wrote the grain before the migration moved it: both are kept.
        var stale = Document("cart/h2", "e2", "old");
        var written = GrainStateKeyMigration.Rekeyed(Document("cart/h2", "e9", "new"), Service, toServiceKey: true);
        await Collection(Carts).InsertOneAsync(stale);
        await Collection(Carts).InsertOneAsync(written);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(
            () => GrainStateKeyMigration.MoveAllAsync(Database, Service, true, TextWriter.Null, default));
        Assert.Contains("cart/h2", e.Message);
        Assert.Contains("different etags", e.Message);
        Assert.Equal(Sorted([copy, stale, written]), Sorted(await Documents(Carts)));
    }

    /// <summary>What an earlier release left: string keys in two state collections, and another service's document.</summary>
    private async Task<List<BsonDocument>> SeedEarlierReleaseAsync()
    {
        List<BsonDocument> earlier =
        [
            Document("cart/g1", "e1", "kept"),
            GrainStateDocuments.Document("cart/g2", "e2", null), // cleared
            Document("legacy/1", "e3", "x"),
        ];
        await Collection(Carts).InsertOneAsync(earlier[0]);
        await Collection(Carts).InsertOneAsync(earlier[1]);
        await Collection(Unlisted).InsertOneAsync(earlier[2]);
        await Collection(Carts).InsertOneAsync(OtherService);
        return earlier;
    }

    /// <summary>Another service's state on the same database: neither direction touches it.</summary>
    private static BsonDocument OtherService => GrainStateKeyMigration.Rekeyed(Document("cart/g1", "o1", "other"), "other", toServiceKey: true);

    private static BsonDocument Document(string id, string etag, string product) =>
        GrainStateDocuments.Document(id, etag, StateSerializer.Serialize(Cart(product)).ToArray());

    private static CartState Cart(string product) => new() { Lines = ImmutableList.Create(new StoredCartLine(product, 1)) };

    private static async Task<GrainState<CartState>> Read(StorageHost host, GrainId grain)
    {
        var state = new GrainState<CartState>(new CartState());
        await host.Storage.ReadStateAsync("cart", grain, state);
        return state;
    }

    private async Task<List<BsonDocument>> Documents(string collection) =>
        Sorted(await Collection(collection).Find(FilterDefinition<BsonDocument>.Empty).ToListAsync());

    /// <summary>This service's and the earlier release's state documents (not the other service's).</summary>
    private async Task<List<BsonDocument>> StateDocuments() =>
        Sorted([.. (await Documents(Carts)).Concat(await Documents(Unlisted)).Where(d => !d["_id"].IsBsonDocument || d["_id"]["serviceId"] == Service)]);

    private static List<BsonDocument> Sorted(IEnumerable<BsonDocument> documents) => documents.OrderBy(d => d.ToJson(), StringComparer.Ordinal).ToList();
}
