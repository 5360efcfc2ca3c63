using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using Orleans.Configuration;
using Orleans.Runtime;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>Against a MongoDB server (see <see cref="MongoFixture"/>); skipped without one.</summary>
[Collection(MongoCollection.Name)]
public sealed class MongoMembershipTableTests(MongoFixture mongo) : MembershipTableContract
{
    protected override MongoConnection NewConnection() => mongo.NewConnection("membership");
}

/// <summary>Against the in-memory model of MongoDB's operators (<see cref="Emulation.InMemoryMongoConnection"/>): runs everywhere.</summary>
public sealed class EmulatedMongoMembershipTableTests : MembershipTableContract
{
    private readonly List<Emulation.InMemoryMongoConnection> _connections = [];

    protected override MongoConnection NewConnection()
    {
        _connections.Add(new Emulation.InMemoryMongoConnection());
        return _connections[^1];
    }

    [Fact]
    public async Task Membership_on_a_replica_set_is_read_with_a_majority_read_concern()
    {
        // On a replica set, a row a failover could roll back must not decide which silos are alive.
        await (await NewTableForTest()).ReadAll();
        var concerns = _connections[^1].ReadConcerns(MongoNames.Membership);
        Assert.NotEmpty(concerns);
        Assert.All(concerns, c => Assert.Equal(ReadConcernLevel.Majority, c.Level));
    }
}

/// <summary>
/// Orleans' membership table contract (as Orleans' own MembershipTableTestsBase states it): the
/// table-version compare-and-swap, row etags, heartbeats, defunct-silo cleanup and the gateway list.
/// </summary>
public abstract class MembershipTableContract : IDisposable
{
    private static int _generation;
    private MongoConnection? _connection;

    /// <summary>A connection to an empty database, or a skip.</summary>
    protected abstract MongoConnection NewConnection();

    public void Dispose() => _connection?.Dispose();

    [SkippableFact]
    public async Task An_initialized_empty_table_reads_at_version_0_with_an_etag()
    {
        var table = await NewTable();
        var data = await table.ReadAll();
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.NotNull(data.Version.VersionEtag);
    }

    [SkippableFact]
    public async Task Initializing_twice_keeps_the_table()
    {
        var table = await NewTable();
        Assert.True(await table.InsertRow(Entry(), (await table.ReadAll()).Version.Next()));
        await table.InitializeMembershipTable(true);
        Assert.Single((await table.ReadAll()).Members);
    }

    [SkippableFact]
    public async Task Insert_moves_the_version_on_with_a_new_etag_and_refuses_stale_versions_and_duplicates()
    {
        var table = await NewTable();
        var next = (await table.ReadAll()).Version.Next();
        var entry = Entry();

        Assert.True(await table.InsertRow(entry, next));
        Assert.False(await table.InsertRow(entry, next));
        Assert.False(await table.InsertRow(Entry(), next));

        var data = await table.ReadAll();
        Assert.Equal(1, data.Version.Version);
        Assert.NotEqual(next.VersionEtag, data.Version.VersionEtag);
        Assert.False(await table.InsertRow(entry, data.Version.Next()));
        var row = Assert.Single((await table.ReadRow(entry.SiloAddress)).Members);
        Assert.Equal(entry.ToFullString(), row.Item1.ToFullString());
        Assert.False(string.IsNullOrEmpty(row.Item2));
    }

    [SkippableFact]
    public async Task Update_needs_both_the_current_version_and_the_row_etag()
    {
        var table = await NewTable();
        var entry = Entry();
        entry.SuspectTimes = [Tuple.Create(Entry().SiloAddress, Seconds(DateTime.UtcNow).AddSeconds(1))];
        var inserted = (await table.ReadAll()).Version.Next();
        Assert.True(await table.InsertRow(entry, inserted));

        var data = await table.ReadAll();
        var etag = data.TryGet(entry.SiloAddress)!.Item2;
        Assert.False(await table.UpdateRow(entry, etag, inserted));

        entry.Status = SiloStatus.Active;
        var next = data.Version.Next();
        Assert.True(await table.UpdateRow(entry, etag, next));
        Assert.False(await table.UpdateRow(entry, etag, next));

        data = await table.ReadAll();
        var (stored, newEtag) = data.TryGet(entry.SiloAddress)!;
        Assert.NotEqual(etag, newEtag);
        Assert.Equal(entry.ToFullString(), stored.ToFullString());
        Assert.Equal(2, data.Version.Version);
        Assert.False(await table.UpdateRow(entry, newEtag, next));
        Assert.True(await table.UpdateRow(entry, newEtag, data.Version.Next()));
    }

    [SkippableFact]
    public async Task Of_twenty_concurrent_inserts_one_wins_and_concurrent_updaters_each_get_through_once()
    {
        var table = await NewTable();
        var entry = Entry();
        var next = (await table.ReadAll()).Version.Next();

        var inserts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => table.InsertRow(entry, next)));
        Assert.Single(inserts, ok => ok);

        await Task.WhenAll(Enumerable.Range(0, 19).Select(async _ =>
        {
            while (true)
            {
                var data = await table.ReadAll();
                var row = data.TryGet(entry.SiloAddress)!;
                if (await table.UpdateRow(row.Item1, row.Item2, data.Version.Next()))
                {
                    return;
                }
            }
        })).WaitAsync(TimeSpan.FromSeconds(60));

        var final = await table.ReadAll();
        Assert.Equal(20, final.Version.Version);
        Assert.Single(final.Members);
    }

    [SkippableFact]
    public async Task A_heartbeat_updates_the_alive_time_only()
    {
        var table = await NewTable();
        var entry = Entry();
        Assert.True(await table.InsertRow(entry, (await table.ReadAll()).Version.Next()));
        var before = await table.ReadAll();

        var alive = DateTime.UtcNow;
        await table.UpdateIAmAlive(new MembershipEntry { SiloAddress = entry.SiloAddress, IAmAliveTime = alive });

        var after = await table.ReadAll();
        Assert.True((after.Members[0].Item1.IAmAliveTime - alive).Duration() < TimeSpan.FromMilliseconds(2));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Members[0].Item2, after.Members[0].Item2);
        await Assert.ThrowsAsync<InvalidOperationException>(() => table.UpdateIAmAlive(new MembershipEntry { SiloAddress = Entry().SiloAddress, IAmAliveTime = alive }));
    }

    [SkippableFact]
    public async Task Cleanup_removes_only_dead_silos_older_than_the_cut_off()
    {
        var table = await NewTable();
        var old = Entry();
        old.Status = SiloStatus.Dead;
        old.StartTime = old.StartTime.AddDays(-10);
        old.IAmAliveTime = old.IAmAliveTime.AddDays(-10);
        var oldButAlive = Entry();
        oldButAlive.Status = SiloStatus.Active;
        oldButAlive.StartTime = oldButAlive.StartTime.AddDays(-10);
        oldButAlive.IAmAliveTime = oldButAlive.IAmAliveTime.AddDays(-10);
        var recentlyDead = Entry();
        recentlyDead.Status = SiloStatus.Dead;
        var oldButSuspectedLately = Entry();
        oldButSuspectedLately.Status = SiloStatus.Dead;
        oldButSuspectedLately.StartTime = oldButSuspectedLately.StartTime.AddDays(-10);
        oldButSuspectedLately.IAmAliveTime = oldButSuspectedLately.IAmAliveTime.AddDays(-10);
        oldButSuspectedLately.SuspectTimes = [Tuple.Create(old.SiloAddress, DateTime.UtcNow.AddDays(-9)), Tuple.Create(old.SiloAddress, DateTime.UtcNow.AddDays(-1))];
        var oldAndSuspectedLongAgo = Entry();
        oldAndSuspectedLongAgo.Status = SiloStatus.Dead;
        oldAndSuspectedLongAgo.StartTime = oldAndSuspectedLongAgo.StartTime.AddDays(-10);
        oldAndSuspectedLongAgo.IAmAliveTime = oldAndSuspectedLongAgo.IAmAliveTime.AddDays(-10);
        oldAndSuspectedLongAgo.SuspectTimes = [Tuple.Create(old.SiloAddress, DateTime.UtcNow.AddDays(-9))];
        foreach (var entry in new[] { old, oldButAlive, recentlyDead, oldButSuspectedLately, oldAndSuspectedLongAgo })
        {
            Assert.True(await table.InsertRow(entry, (await table.ReadAll()).Version.Next()));
        }

        await table.CleanupDefunctSiloEntries(DateTimeOffset.UtcNow.AddDays(-3));

        // Orleans' rule: the latest of start, heartbeat and suspect votes decides, so a recent vote keeps a row.
        var left = (await table.ReadAll()).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.Equal(new HashSet<SiloAddress> { oldButAlive.SiloAddress, recentlyDead.SiloAddress, oldButSuspectedLately.SiloAddress }, left);
    }

    [SkippableFact]
    public async Task Clients_see_the_active_silos_with_a_gateway_as_gateways()
    {
        var table = await NewTable();
        var entries = Enumerable.Range(0, 6).Select(_ => Entry()).ToArray();
        entries[1].Status = SiloStatus.Active;
        entries[2].Status = SiloStatus.Active;
        entries[2].ProxyPort = 0;
        entries[4].Status = SiloStatus.Active;
        foreach (var entry in entries)
        {
            Assert.True(await table.InsertRow(entry, (await table.ReadAll()).Version.Next()));
        }

        var gateways = new MongoGatewayListProvider(_connection!, Cluster(), Options.Create(new GatewayOptions()));
        await gateways.InitializeGatewayListProvider();
        var uris = (await gateways.GetGateways()).Select(u => u.ToString()).Order().ToList();

        Assert.Equal(new[] { entries[1], entries[4] }.Select(e => e.SiloAddress.ToGatewayUri().ToString()).Order(), uris);
    }

    [SkippableFact]
    public async Task Deleting_the_cluster_entries_empties_the_table()
    {
        var table = await NewTable();
        Assert.True(await table.InsertRow(Entry(), (await table.ReadAll()).Version.Next()));
        await table.DeleteMembershipTableEntries(ClusterId);
        Assert.Empty((await table.ReadAll()).Members);
    }

    private const string ClusterId = "membership-tests";

    protected Task<MongoMembershipTable> NewTableForTest() => NewTable();

    private async Task<MongoMembershipTable> NewTable()
    {
        _connection = NewConnection();
        var table = new MongoMembershipTable(_connection, Cluster(), NullLogger<MongoMembershipTable>.Instance);
        await table.InitializeMembershipTable(true);
        return table;
    }

    private static IOptions<ClusterOptions> Cluster() => Options.Create(new ClusterOptions { ClusterId = ClusterId, ServiceId = "membership-tests" });

    private static MembershipEntry Entry()
    {
        var silo = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 12345), Interlocked.Increment(ref _generation) + 1000);
        var now = Seconds(DateTime.UtcNow);
        return new MembershipEntry
        {
            SiloAddress = silo,
            HostName = Dns.GetHostName(),
            SiloName = "TestSilo",
            Status = SiloStatus.Joining,
            ProxyPort = silo.Endpoint.Port,
            StartTime = now,
            IAmAliveTime = now,
        };
    }

    private static DateTime Seconds(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, DateTimeKind.Utc);
}
