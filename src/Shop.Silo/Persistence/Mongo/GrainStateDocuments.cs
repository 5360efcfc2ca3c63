using MongoDB.Bson;
using MongoDB.Driver;
using Orleans.Runtime;

namespace Shop.Silo.Persistence.Mongo;

/// <summary>What <see cref="MongoGrainStorage"/> found for one grain.</summary>
/// <param name="RecordExists">A document with state is there (not absent, not cleared).</param>
/// <param name="ETag">The document's etag; null only when there is no document at all.</param>
/// <param name="Payload">The state in Orleans' binary format, when it exists.</param>
public sealed record StoredGrainState(bool RecordExists, string? ETag, byte[]? Payload)
{
    public static readonly StoredGrainState Absent = new(false, null, null);
}

/// <summary>
/// The grain state document
/// <c>{ _id: { serviceId: "shop", grainId: "cart/42" }, etag: "…", state: BinData | null }</c> and the
/// filters and updates of its conditional writes, as pure functions.
/// <para>
/// The service id in the key keeps two services on one database apart, as the reminders' key does.
/// Releases before migration step 5 keyed by the grain id alone (<c>_id: "cart/42"</c>); the step
/// moves those documents (<see cref="Shop.Silo.Migrations.GrainStateKeyMigration"/>).
/// </para>
/// <para>
/// Every write and clear is one <c>UpdateOne</c> filtered on <c>_id</c> and the etag the grain last
/// read (<c>null</c> before its first write), with upsert on. The filter matches only while nobody
/// else has written: then the update sets a new etag. Otherwise the upsert tries to insert a second
/// document with the same <c>_id</c>, which the unique <c>_id</c> index refuses with a duplicate
/// key: that is the concurrent writer, reported as <c>InconsistentStateException</c>.
/// </para>
/// <para>
/// Clearing keeps the document with <c>state: null</c> and a new etag (as the PostgreSQL provider
/// keeps its row): a writer still holding the etag from before the clear is then refused too,
/// instead of silently re-creating the state.
/// </para>
/// </summary>
public static class GrainStateDocuments
{
    public const string Id = "_id";
    public const string ServiceId = "serviceId";
    public const string GrainId = "grainId";
    public const string ETag = "etag";
    public const string State = "state";

    public static readonly UpdateOptions Upsert = new() { IsUpsert = true };

    /// <summary>
    /// The <c>_id</c>: the service and the grain id as Orleans prints it ("type/key", unique across grain
    /// types that share a state name), always in this order (a sub-document matches only in the same order).
    /// </summary>
    public static BsonDocument DocumentId(string serviceId, GrainId grainId) => Key(serviceId, grainId.ToString());

    public static BsonDocument Key(string serviceId, string grainId) => new()
    {
        { ServiceId, serviceId },
        { GrainId, grainId },
    };

    /// <summary>A fresh etag for every write.</summary>
    public static string NewETag() => Guid.NewGuid().ToString("N");

    public static FilterDefinition<BsonDocument> ById(BsonValue id) => Builders<BsonDocument>.Filter.Eq(Id, id);

    /// <summary>
    /// <c>{ _id: id, etag: expected }</c>; a null etag (never written) matches no document with an
    /// etag, so a first write only succeeds where no document exists.
    /// </summary>
    public static FilterDefinition<BsonDocument> Expected(BsonValue id, string? expectedETag) =>
        Builders<BsonDocument>.Filter.Eq(Id, id)
        & Builders<BsonDocument>.Filter.Eq<BsonValue>(ETag, expectedETag is null ? BsonNull.Value : new BsonString(expectedETag));

    /// <summary><c>{ $set: { etag: new, state: BinData(payload) } }</c>.</summary>
    public static UpdateDefinition<BsonDocument> Write(string newETag, byte[] payload) =>
        Builders<BsonDocument>.Update
            .Set(ETag, new BsonString(newETag))
            .Set(State, (BsonValue)new BsonBinaryData(payload));

    /// <summary><c>{ $set: { etag: new, state: null } }</c>: the cleared state's tombstone.</summary>
    public static UpdateDefinition<BsonDocument> Clear(string newETag) =>
        Builders<BsonDocument>.Update
            .Set(ETag, new BsonString(newETag))
            .Set(State, (BsonValue)BsonNull.Value);

    /// <summary>The document a write leaves behind (what the server holds after <see cref="Write"/> or <see cref="Clear"/>).</summary>
    public static BsonDocument Document(BsonValue id, string etag, byte[]? payload) => new()
    {
        { Id, id },
        { ETag, etag },
        { State, payload is null ? BsonNull.Value : new BsonBinaryData(payload) },
    };

    /// <summary>Reads a stored document (or its absence).</summary>
    public static StoredGrainState Read(BsonDocument? document)
    {
        if (document is null)
        {
            return StoredGrainState.Absent;
        }

        var etag = document.TryGetValue(ETag, out var e) && e.IsString ? e.AsString : null;
        var payload = document.TryGetValue(State, out var s) && s is BsonBinaryData binary ? binary.Bytes : null;
        return new StoredGrainState(payload is not null, etag, payload);
    }
}
