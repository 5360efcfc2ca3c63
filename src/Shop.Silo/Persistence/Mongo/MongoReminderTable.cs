using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Shop.Silo.Persistence.Mongo;

/// <summary>Orleans' reminder table on MongoDB (see <see cref="ReminderDocuments"/>); reminders outlive every silo.</summary>
public sealed class MongoReminderTable(MongoConnection mongo, IOptions<ClusterOptions> clusterOptions) : IReminderTable
{
    private readonly string _serviceId = clusterOptions.Value.ServiceId;

    private IMongoCollection<BsonDocument> Reminders => mongo.Collection(MongoNames.Reminders);

    // The driver connects on first use; the collection and its indexes come from the migration.
    public Task Init() => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadAsync(ReminderDocuments.ByGrain(_serviceId, grainId));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadAsync(ReminderDocuments.ByRange(_serviceId, begin, end));

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var document = await Reminders.Find(ReminderDocuments.ByKey(_serviceId, grainId, reminderName)).FirstOrDefaultAsync();
        return document is null ? null : ReminderDocuments.Read(document);
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var etag = ReminderDocuments.NewETag();
        var filter = ReminderDocuments.ByKey(_serviceId, entry.GrainId, entry.ReminderName);
        var document = ReminderDocuments.Document(_serviceId, entry, etag);
        try
        {
            await Reminders.ReplaceOneAsync(filter, document, ReminderDocuments.Upsert);
        }
        catch (Exception e) when (MongoErrors.IsDuplicateOnId(e))
        {
            // Two upserts of a new reminder raced; the document exists now, so this one replaces it.
            await Reminders.ReplaceOneAsync(filter, document, ReminderDocuments.Upsert);
        }

        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var result = await Reminders.DeleteOneAsync(ReminderDocuments.ByKeyAndETag(_serviceId, grainId, reminderName, eTag));
        return result.DeletedCount == 1;
    }

    public Task TestOnlyClearTable() => Reminders.DeleteManyAsync(ReminderDocuments.ByService(_serviceId));

    private async Task<ReminderTableData> ReadAsync(FilterDefinition<BsonDocument> filter)
    {
        var documents = await Reminders.Find(filter).ToListAsync();
        return new ReminderTableData(documents.Select(ReminderDocuments.Read));
    }
}
