using Microsoft.Extensions.DependencyInjection;
using Shop.Persistence.Tests.Contract;
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
