using Shop.Silo.Migrations;
using Shop.Silo.Persistence;

namespace Shop.Persistence.Tests.Contract;

[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainStorageTests(PostgresFixture postgres) : GrainStorageContract
{
    protected override async Task<StorageHost> StartHostAsync()
    {
        var connection = await postgres.NewDatabase("contract");
        await new PostgresMigrator(connection, TextWriter.Null).MigrateAsync();
        return await StorageHost.StartAsync(silo => silo.AddAdoNetGrainStorage(Grains.Common.StorageNames.Shop, options =>
            options.Configure<Orleans.Serialization.Serializer>((o, serializer) =>
            {
                o.Invariant = PostgresPersistence.Invariant;
                o.ConnectionString = connection;
                o.GrainStorageSerializer = PostgresPersistence.BinaryStateSerializer(serializer);
            })));
    }
}
