using MongoDB.Bson;
using MongoDB.Driver;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Silo.Migrations;

/// <summary>One schema operation of a MongoDB migration step. Each is idempotent, so a step that is re-run after a crash finishes cleanly.</summary>
public abstract record MongoSchemaOp
{
    /// <summary>createCollection; "already exists" counts as done.</summary>
    public sealed record CreateCollection(string Name) : MongoSchemaOp;

    /// <summary>createIndexes with a fixed name; the same index again is a no-op.</summary>
    public sealed record CreateIndex(string Collection, string Name, BsonDocument Keys) : MongoSchemaOp;

    /// <summary>drop; a missing collection counts as done.</summary>
    public sealed record DropCollection(string Name) : MongoSchemaOp;

    /// <summary>drop every collection whose name starts with the prefix (all grain state, whatever its state name).</summary>
    public sealed record DropCollectionsWithPrefix(string Prefix) : MongoSchemaOp;

    /// <summary>moves every grain state document to the service's key, or back (see <see cref="GrainStateKeyMigration"/>).</summary>
    public sealed record MoveGrainStateKeys(bool ToServiceKeys) : MongoSchemaOp;
}

public sealed record MongoMigration(int Version, string Name, IReadOnlyList<MongoSchemaOp> Up, IReadOnlyList<MongoSchemaOp> Down) : IMigrationStep;

/// <summary>
/// Applies and undoes the versioned MongoDB steps, recording each applied step in
/// <c>shop_schema_migrations</c> (<c>{ _id: version, name, appliedAt }</c>). A lease document
/// (<c>{ _id: "lock" }</c>, same collection) keeps two runners from interleaving; its holder renews
/// the lease while it runs (a long index build included), and a runner that dies holding it blocks
/// others only until the lease expires. <paramref name="serviceId"/> is the silos' SERVICE_ID: the
/// service whose grain state keys step 5 writes and its rollback reads.
/// </summary>
public sealed class MongoMigrator(IMongoDatabase database, TextWriter output, string serviceId)
    : SchemaMigrator<MongoMigration, MongoMigrator.HeldLock>(output)
{
    public const string LockId = "lock";
    public static readonly TimeSpan LockLease = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<MongoMigration> All { get; } =
    [
        new(1, "orleans_membership",
            [new MongoSchemaOp.CreateCollection(MongoNames.Membership)],
            [new MongoSchemaOp.DropCollection(MongoNames.Membership)]),
        new(2, "orleans_storage",
            [.. MongoNames.ShopStates.Select(s => new MongoSchemaOp.CreateCollection(MongoNames.GrainStateCollection(s)))],
            [new MongoSchemaOp.DropCollectionsWithPrefix(MongoNames.GrainStatePrefix)]),
        new(3, "orleans_reminders",
            [
                new MongoSchemaOp.CreateCollection(MongoNames.Reminders),
                new MongoSchemaOp.CreateIndex(MongoNames.Reminders, "ix_reminders_grain",
                    new BsonDocument { { "_id.serviceId", 1 }, { "_id.grainId", 1 } }),
                new MongoSchemaOp.CreateIndex(MongoNames.Reminders, "ix_reminders_hash",
                    new BsonDocument { { "_id.serviceId", 1 }, { ReminderDocuments.GrainHash, 1 } }),
            ],
            [new MongoSchemaOp.DropCollection(MongoNames.Reminders)]),
        new(4, "order_read_model",
            [
                new MongoSchemaOp.CreateCollection(MongoNames.Orders),
                new MongoSchemaOp.CreateIndex(MongoNames.Orders, "ix_orders_created", new BsonDocument { { "createdAt", 1 }, { "_id", 1 } }),
                new MongoSchemaOp.CreateIndex(MongoNames.Orders, "ix_orders_status_created", new BsonDocument { { "status", 1 }, { "createdAt", 1 }, { "_id", 1 } }),
                new MongoSchemaOp.CreateIndex(MongoNames.Orders, "ix_orders_total", new BsonDocument { { "total", 1 }, { "_id", 1 } }),
                new MongoSchemaOp.CreateIndex(MongoNames.Orders, "ix_orders_status_total", new BsonDocument { { "status", 1 }, { "total", 1 }, { "_id", 1 } }),
                new MongoSchemaOp.CreateIndex(MongoNames.Orders, "ix_orders_email_created", new BsonDocument { { "email", 1 }, { "createdAt", 1 }, { "_id", 1 } }),
                new MongoSchemaOp.CreateIndex(MongoNames.Orders, "ix_orders_number", new BsonDocument("number", 1)),
                new MongoSchemaOp.CreateCollection(MongoNames.GrainStateCollection("catalog-page")),
            ],
            [new MongoSchemaOp.DropCollection(MongoNames.Orders)]),
        new(5, "grain_state_service_id",
            [new MongoSchemaOp.MoveGrainStateKeys(ToServiceKeys: true)],
            [new MongoSchemaOp.MoveGrainStateKeys(ToServiceKeys: false)]),
        new(6, "reviews",
            [
                new MongoSchemaOp.CreateCollection(MongoNames.Reviews),
                new MongoSchemaOp.CreateIndex(MongoNames.Reviews, "ix_reviews_newest",
                    new BsonDocument { { "productId", 1 }, { "hidden", 1 }, { "createdAt", -1 }, { "_id", 1 } }),
                new MongoSchemaOp.CreateIndex(MongoNames.Reviews, "ix_reviews_helpful",
                    new BsonDocument { { "productId", 1 }, { "hidden", 1 }, { "helpful", -1 }, { "createdAt", -1 }, { "_id", 1 } }),
                new MongoSchemaOp.CreateIndex(MongoNames.Reviews, "ix_reviews_rating",
                    new BsonDocument { { "productId", 1 }, { "hidden", 1 }, { "rating", 1 }, { "createdAt", -1 }, { "_id", 1 } }),
                new MongoSchemaOp.CreateIndex(MongoNames.Reviews, "ix_reviews_order", new BsonDocument("orderId", 1)),
                new MongoSchemaOp.CreateIndex(MongoNames.Reviews, "ix_reviews_latest", new BsonDocument { { "createdAt", -1 }, { "_id", 1 } }),
                new MongoSchemaOp.CreateCollection(MongoNames.ReviewVotes),
                new MongoSchemaOp.CreateIndex(MongoNames.ReviewVotes, "ix_review_votes_review", new BsonDocument("reviewId", 1)),
                new MongoSchemaOp.CreateCollection(MongoNames.GrainStateCollection("reviews")),
                new MongoSchemaOp.CreateCollection(MongoNames.GrainStateCollection("categories")),
            ],
            [new MongoSchemaOp.DropCollection(MongoNames.ReviewVotes), new MongoSchemaOp.DropCollection(MongoNames.Reviews)]),
    ];

    private IMongoCollection<BsonDocument> Records => database.GetCollection<BsonDocument>(MongoNames.Migrations);

    protected override IReadOnlyList<MongoMigration> Known => All;

    protected override Task<HeldLock> LockAsync(CancellationToken cancellationToken) => AcquireLockAsync(cancellationToken);

    protected override async Task<IReadOnlyCollection<int>> AppliedAsync(HeldLock session, CancellationToken cancellationToken) =>
        await AppliedVersionsAsync(Records, cancellationToken);

    protected override async Task ApplyAsync(HeldLock session, MongoMigration step, CancellationToken cancellationToken)
    {
        session.EnsureHeld(step.Version);
        await RunAsync(step.Up, cancellationToken);
        await Records.InsertOneAsync(Record(step, DateTime.UtcNow), cancellationToken: cancellationToken);
    }

    protected override async Task UndoAsync(HeldLock session, MongoMigration step, CancellationToken cancellationToken)
    {
        session.EnsureHeld(step.Version);
        await RunAsync(step.Down, cancellationToken);
        await Records.DeleteOneAsync(Builders<BsonDocument>.Filter.Eq("_id", step.Version), cancellationToken);
    }

    public override Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default) =>
        AppliedVersionsAsync(Records, cancellationToken);

    /// <summary>The versions recorded in <c>shop_schema_migrations</c> (integer ids only: the lock document is not one).</summary>
    public static async Task<IReadOnlyList<int>> AppliedVersionsAsync(IMongoCollection<BsonDocument> records, CancellationToken cancellationToken)
    {
        var applied = await records.Find(AppliedFilter()).ToListAsync(cancellationToken);
        return applied.Select(r => r["_id"].ToInt32()).Order().ToList();
    }

    public static FilterDefinition<BsonDocument> AppliedFilter() => Builders<BsonDocument>.Filter.Type("_id", BsonType.Int32);

    public static BsonDocument Record(MongoMigration migration, DateTime appliedAt) => new()
    {
        { "_id", migration.Version },
        { "name", migration.Name },
        { "appliedAt", new BsonDateTime(appliedAt) },
    };

    /// <summary>The lock document a runner inserts: <c>{ _id: "lock", owner, expiresAt }</c>.</summary>
    public static BsonDocument LockDocument(string owner, DateTime expiresAt) => new()
    {
        { "_id", LockId },
        { "owner", owner },
        { "expiresAt", new BsonDateTime(expiresAt) },
    };

    /// <summary>Takes over a lock whose lease ran out: <c>{ _id: "lock", expiresAt: { $lt: now } }</c>.</summary>
    public static FilterDefinition<BsonDocument> ExpiredLockFilter(DateTime now) =>
        Builders<BsonDocument>.Filter.Eq("_id", LockId) & Builders<BsonDocument>.Filter.Lt("expiresAt", new BsonDateTime(now));

    /// <summary>Releases only our own lock: <c>{ _id: "lock", owner }</c>.</summary>
    public static FilterDefinition<BsonDocument> OwnLockFilter(string owner) =>
        Builders<BsonDocument>.Filter.Eq("_id", LockId) & Builders<BsonDocument>.Filter.Eq("owner", owner);

    private async Task RunAsync(IReadOnlyList<MongoSchemaOp> operations, CancellationToken cancellationToken)
    {
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case MongoSchemaOp.CreateCollection create:
                    try
                    {
                        await database.CreateCollectionAsync(create.Name, cancellationToken: cancellationToken);
                    }
                    catch (MongoCommandException e) when (MongoErrors.IsNamespaceExists(e))
                    {
                    }

                    break;
                case MongoSchemaOp.CreateIndex index:
                    await database.GetCollection<BsonDocument>(index.Collection).Indexes.CreateOneAsync(
                        new CreateIndexModel<BsonDocument>(index.Keys, new CreateIndexOptions { Name = index.Name }),
                        cancellationToken: cancellationToken);
                    break;
                case MongoSchemaOp.DropCollection drop:
                    await database.DropCollectionAsync(drop.Name, cancellationToken);
                    break;
                case MongoSchemaOp.DropCollectionsWithPrefix prefix:
                    var names = await (await database.ListCollectionNamesAsync(cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
                    foreach (var name in names.Where(n => n.StartsWith(prefix.Prefix, StringComparison.Ordinal)))
                    {
                        await database.DropCollectionAsync(name, cancellationToken);
                    }

                    break;
                case MongoSchemaOp.MoveGrainStateKeys move:
                    await GrainStateKeyMigration.MoveAllAsync(database, serviceId, move.ToServiceKeys, Output, cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown schema operation {operation}.");
            }
        }
    }

    private async Task<HeldLock> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            var now = DateTime.UtcNow;
            try
            {
                await Records.InsertOneAsync(LockDocument(owner, now + LockLease), cancellationToken: cancellationToken);
                return new HeldLock(Records, owner, LockLease);
            }
            catch (Exception e) when (MongoErrors.IsDuplicateOnId(e))
            {
                var takeover = await Records.UpdateOneAsync(
                    ExpiredLockFilter(now),
                    Builders<BsonDocument>.Update.Set("owner", owner).Set("expiresAt", new BsonDateTime(now + LockLease)),
                    cancellationToken: cancellationToken);
                if (takeover.ModifiedCount == 1)
                {
                    return new HeldLock(Records, owner, LockLease);
                }
            }

            if (now > deadline)
            {
                var held = await Records.Find(Builders<BsonDocument>.Filter.Eq("_id", LockId)).FirstOrDefaultAsync(cancellationToken);
                throw new InvalidOperationException(
                    $"Another migration runner ({held?["owner"]}) holds the lock in {MongoNames.Migrations} until {held?["expiresAt"].ToUniversalTime():u}; " +
                    $"waited {LockWait.TotalSeconds:0} s. If no other runner is active (one crashed), run the command again after that time.");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>
    /// The lock while this runner holds it: its lease is renewed every quarter lease, so a step longer
    /// than the lease (an index build on a large collection) does not let a second runner in. A renewal
    /// that finds the lock no longer ours marks it lost, and the next step refuses to start.
    /// </summary>
    public sealed class HeldLock : IAsyncDisposable
    {
        private readonly IMongoCollection<BsonDocument> _records;
        private readonly string _owner;
        private readonly TimeSpan _lease;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        internal HeldLock(IMongoCollection<BsonDocument> records, string owner, TimeSpan lease)
        {
            _records = records;
            _owner = owner;
            _lease = lease;
            _renewing = RenewAsync(_stop.Token);
        }

        public bool Lost { get; private set; }

        public void EnsureHeld(int version)
        {
            if (Lost)
            {
                throw new InvalidOperationException(
                    $"The migration lock in {MongoNames.Migrations} was lost (its lease ran out or another runner took it); stopped before step {version}. Run the command again.");
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewing;
            _stop.Dispose();
            await _records.DeleteOneAsync(OwnLockFilter(_owner));
        }

        private async Task RenewAsync(CancellationToken stop)
        {
            using var timer = new PeriodicTimer(_lease / 4);
            try
            {
                while (await timer.WaitForNextTickAsync(stop))
                {
                    try
                    {
                        var renewed = await _records.UpdateOneAsync(
                            OwnLockFilter(_owner),
                            Builders<BsonDocument>.Update.Set("expiresAt", new BsonDateTime(DateTime.UtcNow + _lease)),
                            cancellationToken: stop);
                        if (renewed.MatchedCount == 0)
                        {
                            Lost = true;
                            return;
                        }
                    }
                    catch (MongoException)
                    {
                        // The lease still covers a missed renewal; the next tick tries again.
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
