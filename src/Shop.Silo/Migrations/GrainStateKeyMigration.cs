using MongoDB.Bson;
using MongoDB.Driver;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Silo.Migrations;

/// <summary>
/// MongoDB step 5: grain state keyed by the grain id alone (<c>_id: "cart/42"</c>, earlier releases)
/// moves to the service's key (<c>_id: { serviceId, grainId: "cart/42" }</c>, see
/// <see cref="GrainStateDocuments"/>), in every <c>state_*</c> collection; rollback moves this
/// service's documents back.
/// <para>
/// An <c>_id</c> cannot change, so a move inserts the copy under the new key and then deletes the
/// original, if its etag is still the one copied. That makes a re-run after an interruption (or a
/// second runner) safe: a copy already under the new key with the same etag is that document's
/// earlier move, and only its original is deleted. With another etag a silo wrote the grain under
/// the other key meanwhile; the step stops and names it, keeping both documents.
/// </para>
/// <para>
/// Documents stream through a cursor (the server hands over <see cref="BatchSize"/> at a time), so
/// memory stays bounded; a pass is repeated until it finds nothing left to move.
/// </para>
/// </summary>
public static class GrainStateKeyMigration
{
    public const int BatchSize = 500;

    /// <summary>The earlier releases' documents: <c>{ _id: { $type: 2 } }</c> (a string key).</summary>
    public static FilterDefinition<BsonDocument> GrainKeyed() =>
        Builders<BsonDocument>.Filter.Type(GrainStateDocuments.Id, BsonType.String);

    /// <summary>This service's documents: <c>{ "_id.serviceId": serviceId }</c>.</summary>
    public static FilterDefinition<BsonDocument> ServiceKeyed(string serviceId) =>
        Builders<BsonDocument>.Filter.Eq($"{GrainStateDocuments.Id}.{GrainStateDocuments.ServiceId}", serviceId);

    /// <summary>The document under its key in the other form; every other field unchanged.</summary>
    public static BsonDocument Rekeyed(BsonDocument document, string serviceId, bool toServiceKey)
    {
        var copy = document.DeepClone().AsBsonDocument;
        var id = document[GrainStateDocuments.Id];
        copy[GrainStateDocuments.Id] = toServiceKey
            ? GrainStateDocuments.Key(serviceId, id.AsString)
            : id[GrainStateDocuments.GrainId].AsString;
        return copy;
    }

    /// <summary>Moves the documents of every grain state collection; writes each collection's count to <paramref name="progress"/>.</summary>
    public static async Task<long> MoveAllAsync(IMongoDatabase database, string serviceId, bool toServiceKeys, TextWriter progress, CancellationToken cancellationToken)
    {
        var names = await (await database.ListCollectionNamesAsync(cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
        long total = 0;
        foreach (var name in names.Where(n => n.StartsWith(MongoNames.GrainStatePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var moved = await MoveAsync(database.GetCollection<BsonDocument>(name), serviceId, toServiceKeys, cancellationToken);
            if (moved > 0)
            {
                progress.Write($"{name} {moved} moved, ");
            }

            total += moved;
        }

        return total;
    }

    /// <summary>Moves one collection's documents; returns how many moved.</summary>
    public static async Task<long> MoveAsync(IMongoCollection<BsonDocument> collection, string serviceId, bool toServiceKeys, CancellationToken cancellationToken)
    {
        var filter = toServiceKeys ? GrainKeyed() : ServiceKeyed(serviceId);
        long total = 0;
        while (true)
        {
            long moved = 0;
            using var cursor = await collection.FindAsync(filter, new FindOptions<BsonDocument> { BatchSize = BatchSize }, cancellationToken);
            while (await cursor.MoveNextAsync(cancellationToken))
            {
                foreach (var document in cursor.Current)
                {
                    await MoveOneAsync(collection, document, Rekeyed(document, serviceId, toServiceKeys), cancellationToken);
                    moved++;
                }
            }

            if (moved == 0)
            {
                return total;
            }

            total += moved;
        }
    }

    private static async Task MoveOneAsync(IMongoCollection<BsonDocument> collection, BsonDocument original, BsonDocument copy, CancellationToken cancellationToken)
    {
        var etag = original.GetValue(GrainStateDocuments.ETag, BsonNull.Value);
        try
        {
            await collection.InsertOneAsync(copy, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (MongoErrors.IsDuplicateOnId(e))
        {
            var there = await collection.Find(GrainStateDocuments.ById(copy[GrainStateDocuments.Id])).FirstOrDefaultAsync(cancellationToken);
            if (there?.GetValue(GrainStateDocuments.ETag, BsonNull.Value) != etag)
            {
                throw new InvalidOperationException(
                    $"{collection.CollectionNamespace.CollectionName} holds grain state under both {original[GrainStateDocuments.Id].ToJson()} and {copy[GrainStateDocuments.Id].ToJson()} with different etags: " +
                    "a silo wrote it while the migration ran (stop every silo before migrate or rollback). Both documents are kept; delete the one not wanted and run the command again.");
            }
        }

        await collection.DeleteOneAsync(
            GrainStateDocuments.ById(original[GrainStateDocuments.Id]) & Builders<BsonDocument>.Filter.Eq(GrainStateDocuments.ETag, etag),
            cancellationToken);
    }
}
