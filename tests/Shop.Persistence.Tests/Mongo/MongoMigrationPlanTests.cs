using System.Reflection;
using MongoDB.Bson;
using Orleans.Runtime;
using Shop.Grains.Common;
using Shop.Silo.Migrations;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>Server-free: the MongoDB migration steps as data, and the lock and record documents.</summary>
public sealed class MongoMigrationPlanTests
{
    [Fact]
    public void Steps_are_numbered_from_1_without_gaps_and_each_can_be_undone()
    {
        Assert.Equal(Enumerable.Range(1, MongoMigrator.All.Count), MongoMigrator.All.Select(m => m.Version));
        Assert.Equal(MongoMigrator.All.Count, MongoMigrator.All.Select(m => m.Name).Distinct().Count());
        Assert.All(MongoMigrator.All, m =>
        {
            Assert.Matches("^[a-z0-9_]+$", m.Name);
            Assert.NotEmpty(m.Up);
            Assert.NotEmpty(m.Down);
        });
    }

    [Fact]
    public void The_steps_create_the_collections_the_providers_use_and_the_reminder_indexes()
    {
        var ups = MongoMigrator.All.SelectMany(m => m.Up).ToList();
        var created = ups.OfType<MongoSchemaOp.CreateCollection>().Select(c => c.Name).ToList();
        Assert.Contains(MongoNames.Membership, created);
        Assert.Contains(MongoNames.Reminders, created);
        Assert.Contains("state_cart", created);
        Assert.Contains("state_order", created);

        var indexes = ups.OfType<MongoSchemaOp.CreateIndex>().ToDictionary(i => i.Name);
        Assert.Equal(new BsonDocument { { "_id.serviceId", 1 }, { "_id.grainId", 1 } }, indexes["ix_reminders_grain"].Keys);
        Assert.Equal(new BsonDocument { { "_id.serviceId", 1 }, { "grainHash", 1 } }, indexes["ix_reminders_hash"].Keys);
        Assert.All(indexes.Values.Where(i => i.Name.StartsWith("ix_reminders")), i => Assert.Equal(MongoNames.Reminders, i.Collection));

        // The admin order list: one index per filter and sort, each ending in _id, the tie-break.
        Assert.Contains(MongoNames.Orders, created);
        var orderIndexes = indexes.Values.Where(i => i.Collection == MongoNames.Orders).ToList();
        Assert.Equal(6, orderIndexes.Count);
        Assert.All(orderIndexes.Where(i => i.Name != "ix_orders_number"), i => Assert.Equal("_id", i.Keys.Names.Last()));

        // The fields the indexes name are the fields the queries use.
        Assert.Contains("_id.grainId", ReminderDocuments.ByGrain("s", Orleans.Runtime.GrainId.Create("t", "k")).Render().Names);
        Assert.Contains("grainHash", ReminderDocuments.ByRange("s", 1, 2).Render().Names);
    }

    [Fact]
    public void Rolling_back_the_storage_step_drops_every_state_collection_whatever_its_name()
    {
        var storage = MongoMigrator.All.Single(m => m.Name == "orleans_storage");
        Assert.Equal([new MongoSchemaOp.DropCollectionsWithPrefix("state_")], storage.Down);
    }

    [Fact]
    public void The_step_selects_string_keys_going_up_and_this_services_keys_going_down()
    {
        var step = MongoMigrator.All.Single(m => m.Name == "grain_state_service_id");
        Assert.Equal([new MongoSchemaOp.MoveGrainStateKeys(ToServiceKeys: true)], step.Up);
        Assert.Equal([new MongoSchemaOp.MoveGrainStateKeys(ToServiceKeys: false)], step.Down);
        Assert.Equal(new BsonDocument("_id", new BsonDocument("$type", 2)), GrainStateKeyMigration.GrainKeyed().Render());
        Assert.Equal(new BsonDocument("_id.serviceId", "shop"), GrainStateKeyMigration.ServiceKeyed("shop").Render());

        var document = GrainStateDocuments.Document("cart/1", "e1", [1, 2]);
        var keyed = GrainStateKeyMigration.Rekeyed(document, "shop", toServiceKey: true);
        Assert.Equal(GrainStateDocuments.DocumentId("shop", GrainId.Create("cart", "1")), keyed["_id"]);
        Assert.Equal(document, GrainStateKeyMigration.Rekeyed(keyed, "shop", toServiceKey: false));
    }

    [Fact]
    public void The_state_collections_listed_are_exactly_the_shop_grains_persistent_states()
    {
        var states = typeof(StorageNames).Assembly.GetTypes()
            .SelectMany(t => t.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            .SelectMany(c => c.GetParameters())
            .Select(p => p.GetCustomAttribute<PersistentStateAttribute>())
            .OfType<PersistentStateAttribute>()
            .Where(a => a.StorageName == StorageNames.Shop)
            .Select(a => a.StateName)
            .Distinct()
            .Order();

        Assert.Equal(states, MongoNames.ShopStates.Order());
    }

    [Fact]
    public void Applied_steps_are_recorded_by_version_and_the_lock_document_is_not_one_of_them()
    {
        var record = MongoMigrator.Record(MongoMigrator.All[0], new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(1, record["_id"].AsInt32);
        Assert.Equal("orleans_membership", record["name"].AsString);
        Assert.Equal(new BsonDocument("_id", new BsonDocument("$type", 16)), MongoMigrator.AppliedFilter().Render());
    }

    [Fact]
    public void The_lock_is_a_lease_taken_over_only_when_expired_and_released_only_by_its_owner()
    {
        var now = new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(
            new BsonDocument { { "_id", "lock" }, { "owner", "me" }, { "expiresAt", new BsonDateTime(now) } },
            MongoMigrator.LockDocument("me", now));
        Assert.Equal(
            new BsonDocument { { "_id", "lock" }, { "expiresAt", new BsonDocument("$lt", new BsonDateTime(now)) } },
            MongoMigrator.ExpiredLockFilter(now).Render());
        Assert.Equal(new BsonDocument { { "_id", "lock" }, { "owner", "me" } }, MongoMigrator.OwnLockFilter("me").Render());
    }
}
