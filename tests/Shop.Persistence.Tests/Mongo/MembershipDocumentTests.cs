using System.Net;
using MongoDB.Bson;
using Orleans.Runtime;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>Server-free: the membership document, its compare-and-swap filters and the rules they encode.</summary>
public sealed class MembershipDocumentTests
{
    private static readonly SiloAddress SiloA = SiloAddress.New(new IPEndPoint(IPAddress.Parse("10.0.0.7"), 11111), 4711);
    private static readonly SiloAddress SiloB = SiloAddress.New(new IPEndPoint(IPAddress.Parse("10.0.0.8"), 11111), 4712);

    [Fact]
    public void An_entry_round_trips_through_its_document()
    {
        var entry = Entry(SiloA, SiloStatus.Active);
        entry.SuspectTimes = [Tuple.Create(SiloB, new DateTime(2025, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc))];
        entry.RoleName = "shop";
        entry.UpdateZone = 3;
        entry.FaultZone = 4;

        var document = MembershipDocuments.Member(entry, "row-1");
        var (read, etag) = MembershipDocuments.ReadMember(BsonRoundTrip(document));

        Assert.Equal("row-1", etag);
        Assert.Equal(entry.ToFullString(), read.ToFullString());
        Assert.Equal(entry.SiloAddress, read.SiloAddress);
        Assert.Equal(entry.StartTime, read.StartTime);
        Assert.Equal(DateTimeKind.Utc, read.IAmAliveTime.Kind);
        Assert.Equal(entry.SuspectTimes, read.SuspectTimes);
        Assert.Equal("10.0.0.7:11111@4711", document["silo"].AsString);
        Assert.Equal("Active", document["status"].AsString);
    }

    [Fact]
    public void Missing_names_and_suspicions_read_back_as_null()
    {
        var entry = new MembershipEntry { SiloAddress = SiloA, Status = SiloStatus.Joining, StartTime = DateTime.UtcNow, IAmAliveTime = DateTime.UtcNow, SuspectTimes = null! };
        var (read, _) = MembershipDocuments.ReadMember(BsonRoundTrip(MembershipDocuments.Member(entry, "e")));
        Assert.Null(read.HostName);
        Assert.Null(read.RoleName);
        Assert.Null(read.SuspectTimes);
        Assert.Equal(entry.ToFullString(), read.ToFullString());
    }

    [Fact]
    public void Times_of_unspecified_kind_are_stored_as_UTC_not_as_local_time()
    {
        var unspecified = new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Unspecified);
        Assert.Equal(new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc), MembershipDocuments.Utc(unspecified).ToUniversalTime());
        var local = new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Local);
        Assert.Equal(local.ToUniversalTime(), MembershipDocuments.Utc(local).ToUniversalTime());
    }

    [Fact]
    public void A_missing_table_reads_as_version_0_with_a_non_null_etag()
    {
        var data = MembershipDocuments.ReadTable(null);
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.NotNull(data.Version.VersionEtag);
    }

    [Fact]
    public void A_table_reads_with_its_version_and_each_row_with_its_own_etag()
    {
        var table = Table(5, "v5", (Entry(SiloA, SiloStatus.Active), "ea"), (Entry(SiloB, SiloStatus.Dead), "eb"));

        var all = MembershipDocuments.ReadTable(table);
        Assert.Equal(new Orleans.TableVersion(5, "v5"), all.Version);
        Assert.Equal(["ea", "eb"], all.Members.Select(m => m.Item2));

        var one = MembershipDocuments.ReadTable(table, SiloB);
        Assert.Equal("eb", Assert.Single(one.Members).Item2);
        Assert.Equal(5, one.Version.Version);
    }

    [Fact]
    public void Initialize_only_fills_a_new_document()
    {
        Assert.Equal(
            new BsonDocument("$setOnInsert", new BsonDocument { { "version", 0 }, { "versionEtag", "v0" }, { "members", new BsonArray() } }),
            MembershipDocuments.Initialize("v0").Render());
        Assert.Equal(new BsonDocument("_id", "shop"), MembershipDocuments.ById("shop").Render());
    }

    [Fact]
    public void Insert_is_one_conditional_update_on_the_version_read_and_the_absent_silo()
    {
        var next = new Orleans.TableVersion(4, "v3").Next();
        Assert.Equal(5, next.Version);

        var filter = MembershipDocuments.InsertFilter("shop", next, SiloA).Render();
        Assert.Equal(new BsonDocument
        {
            { "_id", "shop" },
            { "version", 4 },
            { "versionEtag", "v3" },
            { "members.silo", new BsonDocument("$ne", "10.0.0.7:11111@4711") },
        }, filter);

        var member = MembershipDocuments.Member(Entry(SiloA, SiloStatus.Joining), "row");
        var update = MembershipDocuments.InsertUpdate(next, "v5", member).Render();
        Assert.Equal(new BsonDocument
        {
            { "$set", new BsonDocument { { "version", 5 }, { "versionEtag", "v5" } } },
            { "$push", new BsonDocument("members", member) },
        }, update);
    }

    [Fact]
    public void Update_is_one_conditional_update_on_the_version_read_and_the_rows_etag()
    {
        var next = new Orleans.TableVersion(7, "v7").Next();
        var filter = MembershipDocuments.UpdateFilter("shop", next, SiloA, "row-7").Render();
        Assert.Equal(new BsonDocument
        {
            { "_id", "shop" },
            { "version", 7 },
            { "versionEtag", "v7" },
            { "members", new BsonDocument("$elemMatch", new BsonDocument { { "silo", "10.0.0.7:11111@4711" }, { "etag", "row-7" } }) },
        }, filter);

        var member = MembershipDocuments.Member(Entry(SiloA, SiloStatus.Active), "row-8");
        Assert.Equal(
            new BsonDocument("$set", new BsonDocument { { "version", 8 }, { "versionEtag", "v8" }, { "members.$", member } }),
            MembershipDocuments.UpdateUpdate(next, "v8", member).Render());
    }

    [Fact]
    public void A_heartbeat_touches_the_alive_time_of_one_row_only()
    {
        var alive = new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        Assert.Equal(
            new BsonDocument { { "_id", "shop" }, { "members.silo", "10.0.0.7:11111@4711" } },
            MembershipDocuments.IAmAliveFilter("shop", SiloA).Render());
        Assert.Equal(
            new BsonDocument("$set", new BsonDocument("members.$.iAmAliveTime", new BsonDateTime(alive))),
            MembershipDocuments.IAmAliveUpdate(alive).Render());
    }

    [Fact]
    public void Cleanup_pulls_dead_rows_that_started_and_beat_before_the_cut_off()
    {
        var cutOff = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            new BsonDocument("$pull", new BsonDocument("members", new BsonDocument
            {
                { "status", "Dead" },
                { "startTime", new BsonDocument("$lt", new BsonDateTime(cutOff.UtcDateTime)) },
                { "iAmAliveTime", new BsonDocument("$lt", new BsonDateTime(cutOff.UtcDateTime)) },
                { "suspectTimes.time", new BsonDocument("$not", new BsonDocument("$gte", new BsonDateTime(cutOff.UtcDateTime))) },
            })),
            MembershipDocuments.CleanupUpdate(cutOff).Render());

        var old = cutOff.UtcDateTime.AddDays(-1);
        Assert.True(MembershipDocuments.IsDefunct(Entry(SiloA, SiloStatus.Dead, old, old), cutOff));
        Assert.False(MembershipDocuments.IsDefunct(Entry(SiloA, SiloStatus.Active, old, old), cutOff));
        Assert.False(MembershipDocuments.IsDefunct(Entry(SiloA, SiloStatus.Dead, old, cutOff.UtcDateTime.AddMinutes(1)), cutOff));
        Assert.False(MembershipDocuments.IsDefunct(Entry(SiloA, SiloStatus.Dead, cutOff.UtcDateTime, old), cutOff));

        var votedLately = Entry(SiloA, SiloStatus.Dead, old, old);
        votedLately.SuspectTimes = [Tuple.Create(SiloB, old), Tuple.Create(SiloB, cutOff.UtcDateTime.AddMinutes(1))];
        Assert.False(MembershipDocuments.IsDefunct(votedLately, cutOff));
        votedLately.SuspectTimes = [Tuple.Create(SiloB, old)];
        Assert.True(MembershipDocuments.IsDefunct(votedLately, cutOff));
    }

    [Fact]
    public void Insert_applies_only_at_the_read_version_and_etag_and_for_an_unlisted_silo()
    {
        var table = Table(3, "v3", (Entry(SiloA, SiloStatus.Active), "ea"));
        var read = MembershipDocuments.ReadVersion(table);

        Assert.Equal(MembershipCasOutcome.Applies, MembershipCas.CheckInsert(table, read.Next(), SiloB));
        Assert.Equal(MembershipCasOutcome.SiloAlreadyListed, MembershipCas.CheckInsert(table, read.Next(), SiloA));
        Assert.Equal(MembershipCasOutcome.VersionMoved, MembershipCas.CheckInsert(table, new Orleans.TableVersion(3, "v3"), SiloB));
        Assert.Equal(MembershipCasOutcome.VersionMoved, MembershipCas.CheckInsert(table, new Orleans.TableVersion(2, "v2").Next(), SiloB));
        Assert.Equal(MembershipCasOutcome.VersionMoved, MembershipCas.CheckInsert(table, new Orleans.TableVersion(3, "other").Next(), SiloB));
        Assert.Equal(MembershipCasOutcome.NoTable, MembershipCas.CheckInsert(null, MembershipDocuments.NoTable.Next(), SiloB));
    }

    [Fact]
    public void Update_applies_only_at_the_read_version_and_with_the_rows_current_etag()
    {
        var table = Table(3, "v3", (Entry(SiloA, SiloStatus.Active), "ea"));
        var next = MembershipDocuments.ReadVersion(table).Next();

        Assert.Equal(MembershipCasOutcome.Applies, MembershipCas.CheckUpdate(table, next, SiloA, "ea"));
        Assert.Equal(MembershipCasOutcome.RowETagMoved, MembershipCas.CheckUpdate(table, next, SiloA, "stale"));
        Assert.Equal(MembershipCasOutcome.SiloNotListed, MembershipCas.CheckUpdate(table, next, SiloB, "ea"));
        Assert.Equal(MembershipCasOutcome.VersionMoved, MembershipCas.CheckUpdate(table, new Orleans.TableVersion(4, "v4").Next(), SiloA, "ea"));
    }

    [Fact]
    public void Each_applied_change_leaves_a_table_the_same_change_no_longer_applies_to()
    {
        // Replays InsertRow / UpdateRow on an in-memory document the way the server applies the
        // update operators, to pin that a second attempt with the same arguments is refused.
        var table = Table(0, "v0");
        var next = MembershipDocuments.ReadVersion(table).Next();
        Assert.Equal(MembershipCasOutcome.Applies, MembershipCas.CheckInsert(table, next, SiloA));
        table = Table(1, "v1", (Entry(SiloA, SiloStatus.Joining), "r1"));
        Assert.Equal(MembershipCasOutcome.VersionMoved, MembershipCas.CheckInsert(table, next, SiloB));

        var update = MembershipDocuments.ReadVersion(table).Next();
        Assert.Equal(MembershipCasOutcome.Applies, MembershipCas.CheckUpdate(table, update, SiloA, "r1"));
        table = Table(2, "v2", (Entry(SiloA, SiloStatus.Active), "r2"));
        Assert.Equal(MembershipCasOutcome.VersionMoved, MembershipCas.CheckUpdate(table, update, SiloA, "r1"));
        Assert.Equal(MembershipCasOutcome.RowETagMoved, MembershipCas.CheckUpdate(table, MembershipDocuments.ReadVersion(table).Next(), SiloA, "r1"));
    }

    [Fact]
    public void Gateways_are_the_active_silos_with_a_gateway_port_at_that_port()
    {
        var active = Entry(SiloA, SiloStatus.Active);
        active.ProxyPort = 30000;
        var noGateway = Entry(SiloAddress.New(new IPEndPoint(IPAddress.Parse("10.0.0.9"), 11111), 1), SiloStatus.Active);
        noGateway.ProxyPort = 0;
        var joining = Entry(SiloB, SiloStatus.Joining);
        joining.ProxyPort = 30000;

        var gateways = MembershipDocuments.Gateways(MembershipDocuments.ReadTable(
            Table(3, "v3", (active, "a"), (noGateway, "b"), (joining, "c"))));

        Assert.Equal([SiloAddress.New(new IPEndPoint(IPAddress.Parse("10.0.0.7"), 30000), 4711).ToGatewayUri()], gateways);
    }

    private static MembershipEntry Entry(SiloAddress silo, SiloStatus status, DateTime? start = null, DateTime? alive = null) => new()
    {
        SiloAddress = silo,
        Status = status,
        HostName = "host-1",
        SiloName = "silo-1",
        ProxyPort = 30000,
        StartTime = start ?? new DateTime(2025, 1, 1, 8, 0, 0, DateTimeKind.Utc),
        IAmAliveTime = alive ?? new DateTime(2025, 1, 1, 8, 5, 0, DateTimeKind.Utc),
    };

    private static BsonDocument Table(int version, string etag, params (MembershipEntry Entry, string ETag)[] members) => new()
    {
        { "_id", "shop" },
        { "version", version },
        { "versionEtag", etag },
        { "members", new BsonArray(members.Select(m => MembershipDocuments.Member(m.Entry, m.ETag))) },
    };

    private static BsonDocument BsonRoundTrip(BsonDocument document) =>
        MongoDB.Bson.Serialization.BsonSerializer.Deserialize<BsonDocument>(document.ToBson());
}
