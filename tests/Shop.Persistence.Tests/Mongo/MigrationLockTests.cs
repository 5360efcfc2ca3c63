using MongoDB.Bson;
using MongoDB.Driver;
using Shop.Persistence.Tests.Mongo.Emulation;
using Shop.Silo.Migrations;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>
/// Server-free (the in-memory model of MongoDB): the migration lock's lease is renewed while a runner
/// works, so a step longer than the lease does not let a second runner in; a lost lock stops the next step.
/// </summary>
public sealed class MigrationLockTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_runner_working_past_its_lease_keeps_the_lock_and_releases_it_at_the_end()
    {
        var records = new InMemoryMongoConnection().Collection(MongoNames.Migrations);
        await records.InsertOneAsync(MongoMigrator.LockDocument("runner-1", DateTime.UtcNow + Lease));

        await using (var held = new MongoMigrator.HeldLock(records, "runner-1", Lease))
        {
            await Task.Delay(Lease * 3); // a long step

            // What a second runner tries: take over an expired lease. It finds none.
            var takeover = await records.UpdateOneAsync(
                MongoMigrator.ExpiredLockFilter(DateTime.UtcNow), Builders<BsonDocument>.Update.Set("owner", "runner-2"));
            Assert.Equal(0, takeover.ModifiedCount);
            Assert.False(held.Lost);
            held.EnsureHeld(1);
        }

        Assert.Null(await records.Find(new BsonDocument("_id", MongoMigrator.LockId)).FirstOrDefaultAsync());
    }

    [Fact]
    public async Task A_runner_that_lost_its_lock_stops_before_the_next_step()
    {
        var records = new InMemoryMongoConnection().Collection(MongoNames.Migrations);
        await records.InsertOneAsync(MongoMigrator.LockDocument("runner-1", DateTime.UtcNow + Lease));
        await using var held = new MongoMigrator.HeldLock(records, "runner-1", Lease);

        // The lease ran out while the runner was stalled, and another runner took the lock.
        await records.UpdateOneAsync(new BsonDocument("_id", MongoMigrator.LockId), Builders<BsonDocument>.Update.Set("owner", "runner-2"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!held.Lost && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var e = Assert.Throws<InvalidOperationException>(() => held.EnsureHeld(3));
        Assert.Contains("was lost", e.Message);
        Assert.Contains("step 3", e.Message);
    }
}
