using System.Net;
using MongoDB.Bson;
using MongoDB.Driver;
using Orleans.Runtime;

namespace Shop.Silo.Persistence.Mongo;

/// <summary>
/// The membership table of one cluster as one document, and the conditional updates on it, as pure
/// functions:
/// <code>
/// { _id: clusterId, version: 7, versionEtag: "…",
///   members: [ { silo: "10.0.0.7:11111@4711", etag: "…", status: "Active", proxyPort: 30000,
///                hostName, siloName, roleName, updateZone, faultZone, startTime, iAmAliveTime,
///                suspectTimes: [ { silo, time } ] } ] }
/// </code>
/// Orleans' table-version compare-and-swap is one <c>UpdateOne</c> whose filter holds the version
/// and version etag the caller read (and, for an update, the row's etag): it matches only if nobody
/// changed the table since, and then moves the version on with a new version etag in the same
/// atomic single-document update. No transaction is needed.
/// </summary>
public static class MembershipDocuments
{
    public const string Id = "_id";
    public const string Version = "version";
    public const string VersionETag = "versionEtag";
    public const string Members = "members";

    public const string Silo = "silo";
    public const string ETag = "etag";
    public const string Status = "status";
    public const string ProxyPort = "proxyPort";
    public const string HostName = "hostName";
    public const string SiloName = "siloName";
    public const string RoleName = "roleName";
    public const string UpdateZone = "updateZone";
    public const string FaultZone = "faultZone";
    public const string StartTime = "startTime";
    public const string IAmAliveTime = "iAmAliveTime";
    public const string SuspectTimes = "suspectTimes";
    public const string SuspectTime = "time";

    /// <summary>What <c>ReadAll</c> answers when the cluster has no document yet: version 0, a non-null etag no document has.</summary>
    public static readonly TableVersion NoTable = new(0, "");

    public static string NewETag() => Guid.NewGuid().ToString("N");

    public static string SiloKey(SiloAddress silo) => silo.ToParsableString();

    public static FilterDefinition<BsonDocument> ById(string clusterId) => Builders<BsonDocument>.Filter.Eq(Id, clusterId);

    /// <summary>Creates the cluster's document at version 0 if it is missing; changes nothing if it exists.</summary>
    public static UpdateDefinition<BsonDocument> Initialize(string versionETag) =>
        Builders<BsonDocument>.Update
            .SetOnInsert(Version, 0)
            .SetOnInsert(VersionETag, versionETag)
            .SetOnInsert(Members, new BsonArray());

    /// <summary>
    /// InsertRow's condition: the table is still at the version the caller read
    /// (<paramref name="next"/> is that version's <c>Next()</c>: same etag, version + 1) and the silo is not listed.
    /// </summary>
    public static FilterDefinition<BsonDocument> InsertFilter(string clusterId, TableVersion next, SiloAddress silo) =>
        TableAt(clusterId, next) & Builders<BsonDocument>.Filter.Ne($"{Members}.{Silo}", SiloKey(silo));

    /// <summary>InsertRow's change: the next version, a new version etag, the row appended.</summary>
    public static UpdateDefinition<BsonDocument> InsertUpdate(TableVersion next, string newVersionETag, BsonDocument member) =>
        Builders<BsonDocument>.Update
            .Set(Version, next.Version)
            .Set(VersionETag, newVersionETag)
            .Push(Members, member);

    /// <summary>UpdateRow's condition: the table is still at the version read, and the silo's row still has the etag read.</summary>
    public static FilterDefinition<BsonDocument> UpdateFilter(string clusterId, TableVersion next, SiloAddress silo, string rowETag) =>
        TableAt(clusterId, next)
        & new BsonDocument(Members, new BsonDocument("$elemMatch", new BsonDocument { { Silo, SiloKey(silo) }, { ETag, rowETag } }));

    /// <summary>UpdateRow's change: the next version, a new version etag, the row (matched by the filter's $elemMatch) replaced.</summary>
    public static UpdateDefinition<BsonDocument> UpdateUpdate(TableVersion next, string newVersionETag, BsonDocument member) =>
        Builders<BsonDocument>.Update
            .Set(Version, next.Version)
            .Set(VersionETag, newVersionETag)
            .Set($"{Members}.$", member);

    /// <summary>UpdateIAmAlive: the silo's row, whatever the version (heartbeats do not move the table version or the row's etag).</summary>
    public static FilterDefinition<BsonDocument> IAmAliveFilter(string clusterId, SiloAddress silo) =>
        ById(clusterId) & Builders<BsonDocument>.Filter.Eq($"{Members}.{Silo}", SiloKey(silo));

    public static UpdateDefinition<BsonDocument> IAmAliveUpdate(DateTime iAmAliveTime) =>
        Builders<BsonDocument>.Update.Set($"{Members}.$.{IAmAliveTime}", Utc(iAmAliveTime));

    /// <summary>
    /// CleanupDefunctSiloEntries: pull the Dead rows that started and last sent a heartbeat before
    /// <paramref name="beforeDate"/>. Like the ADO.NET table it does not move the version: dead rows carry no vote.
    /// </summary>
    /// <summary>
    /// Dead rows whose last sign of life is older than the cut-off, by Orleans' own rule: the latest of
    /// the start time, the last heartbeat and every suspect vote (a vote is recent activity too).
    /// </summary>
    public static UpdateDefinition<BsonDocument> CleanupUpdate(DateTimeOffset beforeDate) =>
        new BsonDocument("$pull", new BsonDocument(Members, new BsonDocument
        {
            { Status, nameof(SiloStatus.Dead) },
            { StartTime, new BsonDocument("$lt", new BsonDateTime(beforeDate.UtcDateTime)) },
            { IAmAliveTime, new BsonDocument("$lt", new BsonDateTime(beforeDate.UtcDateTime)) },
            { $"{SuspectTimes}.{SuspectTime}", new BsonDocument("$not", new BsonDocument("$gte", new BsonDateTime(beforeDate.UtcDateTime))) },
        }));

    /// <summary>The rows <see cref="CleanupUpdate"/> removes, as a predicate over an entry.</summary>
    public static bool IsDefunct(MembershipEntry entry, DateTimeOffset beforeDate) =>
        entry.Status == SiloStatus.Dead
        && entry.StartTime < beforeDate.UtcDateTime
        && entry.IAmAliveTime < beforeDate.UtcDateTime
        && (entry.SuspectTimes ?? []).All(s => s.Item2 < beforeDate.UtcDateTime);

    public static BsonDocument Member(MembershipEntry entry, string etag) => new()
    {
        { Silo, SiloKey(entry.SiloAddress) },
        { ETag, etag },
        { Status, entry.Status.ToString() },
        { ProxyPort, entry.ProxyPort },
        { HostName, (BsonValue?)entry.HostName ?? BsonNull.Value },
        { SiloName, (BsonValue?)entry.SiloName ?? BsonNull.Value },
        { RoleName, (BsonValue?)entry.RoleName ?? BsonNull.Value },
        { UpdateZone, entry.UpdateZone },
        { FaultZone, entry.FaultZone },
        { StartTime, Utc(entry.StartTime) },
        { IAmAliveTime, Utc(entry.IAmAliveTime) },
        {
            // Orleans leaves SuspectTimes null until a silo is first suspected; null round-trips as null.
            SuspectTimes, entry.SuspectTimes is null
                ? BsonNull.Value
                : new BsonArray(entry.SuspectTimes.Select(s => new BsonDocument
                {
                    { Silo, SiloKey(s.Item1) },
                    { SuspectTime, Utc(s.Item2) },
                }))
        },
    };

    public static (MembershipEntry Entry, string ETag) ReadMember(BsonDocument member)
    {
        var entry = new MembershipEntry
        {
            SiloAddress = SiloAddress.FromParsableString(member[Silo].AsString),
            Status = Enum.Parse<SiloStatus>(member[Status].AsString),
            ProxyPort = member[ProxyPort].ToInt32(),
            HostName = NullableString(member, HostName)!,
            SiloName = NullableString(member, SiloName)!,
            RoleName = NullableString(member, RoleName)!,
            UpdateZone = member.GetValue(UpdateZone, 0).ToInt32(),
            FaultZone = member.GetValue(FaultZone, 0).ToInt32(),
            StartTime = member[StartTime].ToUniversalTime(),
            IAmAliveTime = member[IAmAliveTime].ToUniversalTime(),
            SuspectTimes = member.TryGetValue(SuspectTimes, out var suspects) && suspects is BsonArray array
                ? array.Select(s => Tuple.Create(SiloAddress.FromParsableString(s[Silo].AsString), s[SuspectTime].ToUniversalTime())).ToList()
                : null!,
        };
        return (entry, member[ETag].AsString);
    }

    /// <summary>The table as Orleans reads it; <paramref name="only"/> keeps one silo's row (ReadRow).</summary>
    public static MembershipTableData ReadTable(BsonDocument? table, SiloAddress? only = null)
    {
        if (table is null)
        {
            return new MembershipTableData(NoTable);
        }

        var version = ReadVersion(table);
        var rows = table.TryGetValue(Members, out var members) && members is BsonArray array
            ? array.OfType<BsonDocument>()
                .Where(m => only is null || m[Silo].AsString == SiloKey(only))
                .Select(m => ReadMember(m).ToTuple())
                .ToList()
            : [];
        return new MembershipTableData(rows, version);
    }

    public static TableVersion ReadVersion(BsonDocument table) => new(table[Version].ToInt32(), table[VersionETag].AsString);

    /// <summary>Gateways for clients: the Active silos that have a gateway port, at that port.</summary>
    public static IList<Uri> Gateways(MembershipTableData table) =>
        table.Members
            .Select(m => m.Item1)
            .Where(e => e.Status == SiloStatus.Active && e.ProxyPort != 0)
            .Select(e => SiloAddress.New(new IPEndPoint(e.SiloAddress.Endpoint.Address, e.ProxyPort), e.SiloAddress.Generation).ToGatewayUri())
            .ToList();

    /// <summary>Orleans' times are UTC; an unspecified kind is taken as UTC, not as local time.</summary>
    public static BsonDateTime Utc(DateTime time) => new(time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time,
    });

    private static FilterDefinition<BsonDocument> TableAt(string clusterId, TableVersion next) =>
        ById(clusterId)
        & Builders<BsonDocument>.Filter.Eq(Version, next.Version - 1)
        & Builders<BsonDocument>.Filter.Eq(VersionETag, next.VersionEtag);

    private static string? NullableString(BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && value.IsString ? value.AsString : null;
}

/// <summary>Why a membership compare-and-swap did (or would) not apply.</summary>
public enum MembershipCasOutcome
{
    Applies,
    NoTable,
    VersionMoved,
    SiloAlreadyListed,
    SiloNotListed,
    RowETagMoved,
}

/// <summary>
/// The conditions of <see cref="MembershipDocuments.InsertFilter"/> and <see cref="MembershipDocuments.UpdateFilter"/>
/// over a table document, as pure functions. The server applies the filters; these name the reason
/// when it refused (the table reads the document again and logs it), and pin the rules in unit tests.
/// </summary>
public static class MembershipCas
{
    public static MembershipCasOutcome CheckInsert(BsonDocument? table, TableVersion next, SiloAddress silo)
    {
        if (Version(table, next) is { } refused)
        {
            return refused;
        }

        return Row(table!, silo) is null ? MembershipCasOutcome.Applies : MembershipCasOutcome.SiloAlreadyListed;
    }

    public static MembershipCasOutcome CheckUpdate(BsonDocument? table, TableVersion next, SiloAddress silo, string rowETag)
    {
        if (Version(table, next) is { } refused)
        {
            return refused;
        }

        return Row(table!, silo) switch
        {
            null => MembershipCasOutcome.SiloNotListed,
            var row when row[MembershipDocuments.ETag].AsString != rowETag => MembershipCasOutcome.RowETagMoved,
            _ => MembershipCasOutcome.Applies,
        };
    }

    private static MembershipCasOutcome? Version(BsonDocument? table, TableVersion next)
    {
        if (table is null)
        {
            return MembershipCasOutcome.NoTable;
        }

        var stored = MembershipDocuments.ReadVersion(table);
        return stored.Version == next.Version - 1 && stored.VersionEtag == next.VersionEtag ? null : MembershipCasOutcome.VersionMoved;
    }

    private static BsonDocument? Row(BsonDocument table, SiloAddress silo) =>
        table[MembershipDocuments.Members].AsBsonArray.OfType<BsonDocument>()
            .FirstOrDefault(m => m[MembershipDocuments.Silo].AsString == MembershipDocuments.SiloKey(silo));
}
