using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Shop.Silo.Persistence.Mongo;

/// <summary>
/// Orleans grain storage on MongoDB: one collection per state name (<c>state_cart</c>), one
/// document per service (ClusterOptions.ServiceId: SERVICE_ID) and grain. The logic (documents,
/// filters, error reading) is in <see cref="GrainStateDocuments"/> and <see cref="MongoErrors"/>;
/// this class only calls the driver.
/// </summary>
public sealed partial class MongoGrainStorage(
    string name,
    MongoConnection mongo,
    IGrainStorageSerializer serializer,
    IActivatorProvider activators,
    IOptions<MongoStorageOptions> limits,
    IOptions<ClusterOptions> clusterOptions,
    ILogger<MongoGrainStorage> logger) : IGrainStorage
{
    private readonly string _serviceId = clusterOptions.Value.ServiceId;

    public string Name { get; } = name;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var document = await Collection(stateName)
            .Find(GrainStateDocuments.ById(GrainStateDocuments.DocumentId(_serviceId, grainId)))
            .FirstOrDefaultAsync();
        var stored = GrainStateDocuments.Read(document);
        grainState.State = stored.Payload is { } payload
            ? serializer.Deserialize<T>(new BinaryData(payload))
            : activators.GetActivator<T>().Create();
        grainState.ETag = stored.ETag;
        grainState.RecordExists = stored.RecordExists;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var newETag = GrainStateDocuments.NewETag();
        var payload = serializer.Serialize(grainState.State).ToArray();
        if (payload.Length > limits.Value.MaxStateBytes)
        {
            MongoMetrics.StateTooLarge(stateName);
            LogTooLarge(logger, stateName, grainId, payload.Length, limits.Value.MaxStateBytes);
            throw new MongoStateTooLargeException(
                $"MongoDB grain storage '{Name}': state '{stateName}' of {grainId} is {payload.Length:N0} bytes, over MONGO_MAX_STATE_BYTES ({limits.Value.MaxStateBytes:N0}); it was not written and the stored state is unchanged.");
        }

        await ConditionalWriteAsync(stateName, grainId, grainState.ETag, GrainStateDocuments.Write(newETag, payload), "write");
        grainState.ETag = newETag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var newETag = GrainStateDocuments.NewETag();
        await ConditionalWriteAsync(stateName, grainId, grainState.ETag, GrainStateDocuments.Clear(newETag), "clear");
        grainState.ETag = newETag;
        grainState.RecordExists = false;
    }

    private async Task ConditionalWriteAsync(string stateName, GrainId grainId, string? expectedETag, UpdateDefinition<BsonDocument> update, string operation)
    {
        var id = GrainStateDocuments.DocumentId(_serviceId, grainId);
        try
        {
            await Collection(stateName).UpdateOneAsync(GrainStateDocuments.Expected(id, expectedETag), update, GrainStateDocuments.Upsert);
        }
        catch (Exception e) when (MongoErrors.IsDuplicateOnId(e))
        {
            LogConflict(logger, operation, stateName, grainId, expectedETag);
            throw new InconsistentStateException(
                $"MongoDB grain storage '{Name}': the {operation} of state '{stateName}' of {grainId} lost to a concurrent writer (expected etag {expectedETag ?? "none"}).",
                storedEtag: "unknown",
                currentEtag: expectedETag ?? "none",
                e);
        }
    }

    private IMongoCollection<BsonDocument> Collection(string stateName) => mongo.Collection(MongoNames.GrainStateCollection(stateName));

    [LoggerMessage(Level = LogLevel.Error, Message = "State {StateName} of {GrainId} is {Bytes} bytes, over MONGO_MAX_STATE_BYTES ({MaxBytes}): not written")]
    private static partial void LogTooLarge(ILogger logger, string stateName, GrainId grainId, int bytes, int maxBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Concurrent {Operation} refused for state {StateName} of {GrainId} (expected etag {ETag})")]
    private static partial void LogConflict(ILogger logger, string operation, string stateName, GrainId grainId, string? etag);
}
