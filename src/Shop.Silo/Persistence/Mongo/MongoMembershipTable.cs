using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Runtime;
using Shop.Silo.Migrations;

namespace Shop.Silo.Persistence.Mongo;

/// <summary>
/// Orleans' membership table on MongoDB: one document per cluster in <c>orleans_membership</c>,
/// changed only by single-document conditional updates (see <see cref="MembershipDocuments"/>).
/// </summary>
public sealed partial class MongoMembershipTable(
    MongoConnection mongo,
    IOptions<ClusterOptions> clusterOptions,
    ILogger<MongoMembershipTable> logger) : IMembershipTable
{
    private readonly string _clusterId = clusterOptions.Value.ClusterId;

    private IMongoCollection<BsonDocument> Table => mongo.Collection(MongoNames.Membership).WithReadConcern(mongo.Settings.MembershipReadConcern);

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        if (tryInitTableVersion)
        {
            try
            {
                await Table.UpdateOneAsync(
                    MembershipDocuments.ById(_clusterId),
                    MembershipDocuments.Initialize(MembershipDocuments.NewETag()),
                    new UpdateOptions { IsUpsert = true });
            }
            catch (Exception e) when (MongoErrors.IsDuplicateOnId(e))
            {
                // Another silo created the document at the same moment: it exists, which is all we need.
            }

            await WarnIfSchemaBehindAsync();
        }
    }

    public async Task<MembershipTableData> ReadAll() => MembershipDocuments.ReadTable(await ReadDocumentAsync());

    public async Task<MembershipTableData> ReadRow(SiloAddress key) => MembershipDocuments.ReadTable(await ReadDocumentAsync(), key);

    public async Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion)
    {
        var result = await Table.UpdateOneAsync(
            MembershipDocuments.InsertFilter(_clusterId, tableVersion, entry.SiloAddress),
            MembershipDocuments.InsertUpdate(tableVersion, MembershipDocuments.NewETag(), MembershipDocuments.Member(entry, MembershipDocuments.NewETag())));
        if (result.ModifiedCount == 1)
        {
            return true;
        }

        await ExplainRefusalAsync("InsertRow", entry.SiloAddress, table => MembershipCas.CheckInsert(table, tableVersion, entry.SiloAddress));
        return false;
    }

    public async Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        var result = await Table.UpdateOneAsync(
            MembershipDocuments.UpdateFilter(_clusterId, tableVersion, entry.SiloAddress, etag),
            MembershipDocuments.UpdateUpdate(tableVersion, MembershipDocuments.NewETag(), MembershipDocuments.Member(entry, MembershipDocuments.NewETag())));
        if (result.ModifiedCount == 1)
        {
            return true;
        }

        await ExplainRefusalAsync("UpdateRow", entry.SiloAddress, table => MembershipCas.CheckUpdate(table, tableVersion, entry.SiloAddress, etag));
        return false;
    }

    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        var result = await Table.UpdateOneAsync(
            MembershipDocuments.IAmAliveFilter(_clusterId, entry.SiloAddress),
            MembershipDocuments.IAmAliveUpdate(entry.IAmAliveTime));
        if (result.MatchedCount == 0)
        {
            throw new InvalidOperationException($"Silo {entry.SiloAddress} is not in the membership table of cluster '{_clusterId}'; its heartbeat was not recorded.");
        }
    }

    public Task DeleteMembershipTableEntries(string clusterId) => Table.DeleteOneAsync(MembershipDocuments.ById(clusterId));

    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) =>
        Table.UpdateOneAsync(MembershipDocuments.ById(_clusterId), MembershipDocuments.CleanupUpdate(beforeDate));

    private async Task<BsonDocument?> ReadDocumentAsync() =>
        await Table.Find(MembershipDocuments.ById(_clusterId)).FirstOrDefaultAsync();

    private async Task ExplainRefusalAsync(string operation, SiloAddress silo, Func<BsonDocument?, MembershipCasOutcome> check)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogRefused(logger, operation, silo, check(await ReadDocumentAsync()));
        }
    }

    /// <summary>Indexes come from `Shop.Silo migrate`, not from start-up; a silo says when they are missing.</summary>
    private async Task WarnIfSchemaBehindAsync()
    {
        try
        {
            var applied = await MongoMigrator.AppliedVersionsAsync(mongo.Collection(MongoNames.Migrations), CancellationToken.None);
            var expected = MongoMigrator.All[^1].Version;
            if (applied.DefaultIfEmpty(0).Max() < expected)
            {
                LogSchemaBehind(logger, applied.DefaultIfEmpty(0).Max(), expected);
            }
        }
        catch (Exception e) when (e is MongoException or TimeoutException)
        {
            LogSchemaUnknown(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Membership {Operation} for {Silo} refused: {Outcome}")]
    private static partial void LogRefused(ILogger logger, string operation, SiloAddress silo, MembershipCasOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MongoDB schema is at version {Applied:D4}, this build expects {Expected:D4}: run `Shop.Silo migrate`. Until then grain state stored by releases before step 0005 is not found (it is keyed without SERVICE_ID) and reminder reads scan their collection")]
    private static partial void LogSchemaBehind(ILogger logger, int applied, int expected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the MongoDB schema version")]
    private static partial void LogSchemaUnknown(ILogger logger, Exception exception);
}

/// <summary>Where clients find the gateways: the Active silos of the cluster's membership document.</summary>
public sealed class MongoGatewayListProvider(
    MongoConnection mongo,
    IOptions<ClusterOptions> clusterOptions,
    IOptions<GatewayOptions> gatewayOptions) : IGatewayListProvider
{
    public TimeSpan MaxStaleness => gatewayOptions.Value.GatewayListRefreshPeriod;

    public bool IsUpdatable => true;

    // Clients only read: the silos create the cluster's document.
    public Task InitializeGatewayListProvider() => Task.CompletedTask;

    public async Task<IList<Uri>> GetGateways()
    {
        var document = await mongo.Collection(MongoNames.Membership).WithReadConcern(mongo.Settings.MembershipReadConcern)
            .Find(MembershipDocuments.ById(clusterOptions.Value.ClusterId))
            .FirstOrDefaultAsync();
        return MembershipDocuments.Gateways(MembershipDocuments.ReadTable(document));
    }
}
