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
        return await StorageHost.StartAsync(silo => silo.AddShopPostgresGrainStorage(connection));
    }
}
