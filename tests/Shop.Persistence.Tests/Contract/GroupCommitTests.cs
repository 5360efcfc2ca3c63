using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using Shop.Grains.Carts;
using Shop.Silo.Migrations;
using Shop.Silo.Persistence;
using Shop.Silo.Persistence.Postgres;

namespace Shop.Persistence.Tests.Contract;

/// <summary>
/// The PostgreSQL grain storage's writes: they land in the rows Orleans' own provider reads, for every
/// kind of grain key; concurrent writes share commits; one refused or stale write fails alone.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GroupCommitTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string StateName = "cart";
    private StorageHost? _host;
    private string _connection = "";

    private IGrainStorage Shop => _host!.Storage;

    private IGrainStorage Orleans => _host!.Services.GetRequiredKeyedService<IGrainStorage>(PostgresPersistence.OrleansStorageName);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public static TheoryData<string> KeyKinds => ["string", "guid-shaped string", "digit string", "guid", "integer", "guid with extension", "integer with extension"];

    [SkippableTheory]
    [MemberData(nameof(KeyKinds))]
    public async Task Writes_go_to_the_row_Orleans_own_provider_reads_and_writes(string kind)
    {
        await Start();
        var grain = Grain(kind);

        var state = await Read(Orleans, grain);
        state.State = Cart(("first", 1));
        await Orleans.WriteStateAsync(StateName, grain, state);
        state.State = Cart(("second", 2));
        await Shop.WriteStateAsync(StateName, grain, state);

        var read = await Read(Orleans, grain);
        Assert.Equal("second", read.State!.Lines[0].ProductId);
        Assert.Equal("2", read.ETag);
        read.State = Cart(("third", 3));
        await Orleans.WriteStateAsync(StateName, grain, read);
        Assert.Equal(1L, await Scalar("SELECT count(*) FROM OrleansStorage"));
    }

    [SkippableFact]
    public async Task Concurrent_writes_share_commits_and_each_gets_its_own_answer()
    {
        await Start();
        var sizes = new ConcurrentBag<int>();
        using var listener = ListenToBatchSizes(sizes);
        var grains = Enumerable.Range(0, 300).Select(_ => NewGrain()).ToArray();
        var states = await Task.WhenAll(grains.Select(g => Read(Shop, g)));
        var stale = await Task.WhenAll(grains.Take(30).Select(g => Read(Shop, g)));
        foreach (var (state, i) in states.Select((s, i) => (s, i)))
        {
            state.State = Cart(($"p{i}", i % 99 + 1));
        }

        await Task.WhenAll(states.Select((s, i) => Shop.WriteStateAsync(StateName, grains[i], s)));
        var conflicts = stale.Select((s, i) => Assert.ThrowsAsync<InconsistentStateException>(() => Shop.WriteStateAsync(StateName, grains[i], s)));
        var second = states.Skip(30).Select((s, i) => Shop.WriteStateAsync(StateName, grains[i + 30], s));
        await Task.WhenAll(conflicts.Concat(second));

        for (var i = 0; i < grains.Length; i++)
        {
            var read = await Read(Shop, grains[i]);
            Assert.Equal($"p{i}", read.State!.Lines[0].ProductId);
            Assert.Equal(i < 30 ? "1" : "2", read.ETag);
        }

        Assert.Contains(sizes, size => size > 1);
        Assert.Equal(300 + 30 + 270, sizes.Sum());   // every write, the refused ones too, went through a batch
    }

    [SkippableFact]
    public async Task A_write_the_server_refuses_fails_alone_and_the_others_of_its_batch_are_stored_together()
    {
        await Start();
        var sizes = new ConcurrentBag<int>();
        using var listener = ListenToBatchSizes(sizes);
        await using var writer = new GroupCommitWriter(_connection, flushers: 1);

        // Hold the table so that the writer's one flusher waits on a first write, while 40 good writes
        // and one the server must refuse (its key column holds 512 characters) queue behind it: released,
        // they go as one batch.
        await using var holder = new NpgsqlConnection(_connection);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await new NpgsqlCommand("LOCK TABLE OrleansStorage IN EXCLUSIVE MODE", holder, hold).ExecuteNonQueryAsync();
        var first = writer.Write(Write(NewGrain()));
        await Task.Delay(300);
        var good = Enumerable.Range(0, 40).Select(_ => writer.Write(Write(NewGrain()))).ToList();
        var refused = writer.Write(Write(GrainId.Create("cart", new string('x', 600))));
        await hold.CommitAsync();

        Assert.Equal(1, await first);
        Assert.All(await Task.WhenAll(good), version => Assert.Equal(1, version));
        Assert.Equal("22001", (await Assert.ThrowsAsync<PostgresException>(() => refused)).SqlState);
        Assert.Equal(41L, await Scalar("SELECT count(*) FROM OrleansStorage"));
        Assert.Contains(40, sizes);
    }

    private async Task Start()
    {
        _connection = await postgres.NewDatabase("group_commit");
        await new PostgresMigrator(_connection, TextWriter.Null).MigrateAsync();
        _host = await StorageHost.StartAsync(silo => silo.AddShopPostgresGrainStorage(_connection));
    }

    private static StateWrite Write(GrainId grain) =>
        new(OrleansStorageKey.From(grain, StateName, new OrleansDefaultHasher()), "shop-tests", null, [1, 2, 3]);

    private async Task<long> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // Counts every batch in the process: the PostgreSQL tests run one at a time (one collection).
    private static MeterListener ListenToBatchSizes(ConcurrentBag<int> sizes)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "shop.storage.write_batch")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, size, _, _) => sizes.Add(size));
        listener.Start();
        return listener;
    }

    private static async Task<GrainState<CartState>> Read(IGrainStorage storage, GrainId grain)
    {
        var state = new GrainState<CartState>(new CartState());
        await storage.ReadStateAsync(StateName, grain, state);
        return state;
    }

    private static GrainId Grain(string kind) => kind switch
    {
        "string" => GrainId.Create("cart", "user-" + Guid.NewGuid().ToString("N")[..8]),
        "guid-shaped string" => NewGrain(),
        "digit string" => GrainId.Create("cart", Random.Shared.NextInt64(1, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        "guid" => GrainId.Create(GrainType.Create("cart"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid())),
        "integer" => GrainId.Create(GrainType.Create("cart"), GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64(1, long.MaxValue))),
        "guid with extension" => GrainId.Create(GrainType.Create("cart"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "ext")),
        "integer with extension" => GrainId.Create(GrainType.Create("cart"), GrainIdKeyExtensions.CreateIntegerKey(42, "ext")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static GrainId NewGrain() => GrainId.Create("cart", Guid.NewGuid().ToString("N"));

    private static CartState Cart(params (string Product, int Quantity)[] lines) =>
        new() { Lines = lines.Select(l => new StoredCartLine(l.Product, l.Quantity)).ToImmutableList() };
}
