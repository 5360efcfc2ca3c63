using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Shop.Grains.Carts;
using Shop.Persistence.Tests.Contract;
using Shop.Persistence.Tests.Support;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>The provider contract that PostgreSQL passes, against MongoDB (needs a server: see <see cref="MongoFixture"/>).</summary>
[Collection(MongoCollection.Name)]
public sealed class MongoGrainStorageTests(MongoFixture mongo) : GrainStorageContract
{
    protected override Task<StorageHost> StartHostAsync()
    {
        var uri = mongo.NewDatabaseUri("contract");
        return StorageHost.StartAsync(silo => silo.AddShopMongoGrainStorage(uri));
    }
}

/// <summary>The same contract against the in-memory model of MongoDB's operators: runs everywhere, through the real provider and driver types.</summary>
public sealed class EmulatedMongoGrainStorageTests : GrainStorageContract
{
    protected override Task<StorageHost> StartHostAsync() => StorageHost.StartAsync(silo =>
    {
        silo.Services.AddSingleton<MongoConnection>(new Emulation.InMemoryMongoConnection());
        silo.AddShopMongoGrainStorage("mongodb://in-memory/shop");
    });
}

/// <summary>Server-free: MongoDB refuses documents over 16 MiB; the storage refuses a state over MONGO_MAX_STATE_BYTES first, clearly.</summary>
public sealed class MongoStateSizeTests
{
    [Fact]
    public async Task A_state_over_the_limit_is_refused_counted_and_leaves_the_stored_one_unchanged()
    {
        var refused = new List<(long Value, object? State)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MongoMetrics.MeterName && instrument.Name == "shop.mongodb.state.too_large")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "state")
                {
                    lock (refused)
                    {
                        refused.Add((value, tag.Value));
                    }
                }
            }
        });
        listener.Start();

        await using var host = await StorageHost.StartAsync(silo =>
        {
            silo.Services.AddSingleton<MongoConnection>(new Emulation.InMemoryMongoConnection());
            silo.AddShopMongoGrainStorage("mongodb://in-memory/shop");
            silo.Services.Configure<MongoStorageOptions>(o => o.MaxStateBytes = 4096);
        });
        var grain = GrainId.Create("cart", Guid.NewGuid().ToString("N"));
        var state = new GrainState<CartState>(new CartState { Lines = [new StoredCartLine("small", 1)] });
        await host.Storage.WriteStateAsync("cart", grain, state);

        var big = new GrainState<CartState>(new CartState { Lines = [.. Enumerable.Range(0, 400).Select(i => new StoredCartLine($"product-{i:D6}", 1))] }) { ETag = state.ETag };
        var e = await Assert.ThrowsAsync<MongoStateTooLargeException>(() => host.Storage.WriteStateAsync("cart", grain, big));
        Assert.Contains("over MONGO_MAX_STATE_BYTES (4,096)", e.Message);
        Assert.Contains((1L, (object?)"cart"), refused);

        var read = new GrainState<CartState>(new CartState());
        await host.Storage.ReadStateAsync("cart", grain, read);
        Assert.Equal("small", Assert.Single(read.State!.Lines).ProductId);
        Assert.Equal(state.ETag, read.ETag);
    }
}
