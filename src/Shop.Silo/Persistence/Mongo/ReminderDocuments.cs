using MongoDB.Bson;
using MongoDB.Driver;
using Orleans.Runtime;

namespace Shop.Silo.Persistence.Mongo;

/// <summary>
/// A reminder as a document in <c>orleans_reminders</c>, and its queries, as pure functions:
/// <code>
/// { _id: { serviceId, grainId: "order/…", name: "payment-deadline" },
///   grainHash: NumberLong(uint), startAt: ISODate, periodMs: NumberLong, etag: "…" }
/// </code>
/// The key is the <c>_id</c>, so the unique <c>_id</c> index keeps one document per reminder with
/// or without the migration; the migration adds the indexes that make reads by grain and by hash
/// range cheap.
/// </summary>
public static class ReminderDocuments
{
    public const string Id = "_id";
    public const string ServiceId = "serviceId";
    public const string GrainId = "grainId";
    public const string Name = "name";
    public const string GrainHash = "grainHash";
    public const string StartAt = "startAt";
    public const string PeriodMs = "periodMs";
    public const string ETag = "etag";

    public static readonly ReplaceOptions Upsert = new() { IsUpsert = true };

    public static string NewETag() => Guid.NewGuid().ToString("N");

    /// <summary>The <c>_id</c>: always these three fields in this order (a sub-document matches only in the same order).</summary>
    public static BsonDocument Key(string serviceId, GrainId grainId, string reminderName) => new()
    {
        { ServiceId, serviceId },
        { GrainId, grainId.ToString() },
        { Name, reminderName },
    };

    public static FilterDefinition<BsonDocument> ByKey(string serviceId, GrainId grainId, string reminderName) =>
        Builders<BsonDocument>.Filter.Eq(Id, Key(serviceId, grainId, reminderName));

    public static FilterDefinition<BsonDocument> ByKeyAndETag(string serviceId, GrainId grainId, string reminderName, string etag) =>
        ByKey(serviceId, grainId, reminderName) & Builders<BsonDocument>.Filter.Eq(ETag, etag);

    public static FilterDefinition<BsonDocument> ByService(string serviceId) =>
        Builders<BsonDocument>.Filter.Eq($"{Id}.{ServiceId}", serviceId);

    public static FilterDefinition<BsonDocument> ByGrain(string serviceId, GrainId grainId) =>
        ByService(serviceId) & Builders<BsonDocument>.Filter.Eq($"{Id}.{GrainId}", grainId.ToString());

    /// <summary>
    /// The ring range (begin, end]: <c>begin &lt; end</c> is the plain interval; otherwise it wraps
    /// past uint.MaxValue to 0 (and <c>begin == end</c> is the whole ring).
    /// </summary>
    public static FilterDefinition<BsonDocument> ByRange(string serviceId, uint begin, uint end)
    {
        var f = Builders<BsonDocument>.Filter;
        var range = begin < end
            ? f.Gt(GrainHash, (long)begin) & f.Lte(GrainHash, (long)end)
            : f.Or(f.Gt(GrainHash, (long)begin), f.Lte(GrainHash, (long)end));
        return ByService(serviceId) & range;
    }

    /// <summary>What <see cref="ByRange"/> selects, as a predicate over one hash.</summary>
    public static bool InRange(uint begin, uint end, uint hash) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    public static BsonDocument Document(string serviceId, ReminderEntry entry, string etag) => new()
    {
        { Id, Key(serviceId, entry.GrainId, entry.ReminderName) },
        { GrainHash, (long)entry.GrainId.GetUniformHashCode() },
        { StartAt, MembershipDocuments.Utc(entry.StartAt) },
        { PeriodMs, (long)entry.Period.TotalMilliseconds },
        { ETag, etag },
    };

    public static ReminderEntry Read(BsonDocument document)
    {
        var key = document[Id].AsBsonDocument;
        return new ReminderEntry
        {
            GrainId = Orleans.Runtime.GrainId.Parse(key[GrainId].AsString),
            ReminderName = key[Name].AsString,
            StartAt = document[StartAt].ToUniversalTime(),
            Period = TimeSpan.FromMilliseconds(document[PeriodMs].ToInt64()),
            ETag = document[ETag].AsString,
        };
    }
}
