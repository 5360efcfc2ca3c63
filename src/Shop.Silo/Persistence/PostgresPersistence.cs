using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Shop.Grains.Common;
using Shop.Silo.Persistence.Postgres;

namespace Shop.Silo.Persistence;

/// <summary>Orleans ADO.NET clustering, grain storage (writes group-committed) and reminders on PostgreSQL (schema: `migrate`).</summary>
public static class PostgresPersistence
{
    public const string Invariant = "Npgsql";

    /// <summary>Orleans' own ADO.NET storage, which the shop's storage reads through.</summary>
    internal const string OrleansStorageName = "orleans-adonet";

    public static ISiloBuilder AddShopPostgres(this ISiloBuilder silo, string connectionString)
    {
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddShopPostgresGrainStorage(connectionString);
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        return silo;
    }

    /// <summary>
    /// The grain storage: <see cref="GroupCommitGrainStorage"/>, which reads and clears through Orleans' ADO.NET
    /// provider (registered under a name of its own) and group-commits its writes. The writer opens its
    /// connections with the same connection string, so it shares Orleans' pool and its Maximum Pool Size.
    /// </summary>
    public static ISiloBuilder AddShopPostgresGrainStorage(this ISiloBuilder silo, string connectionString)
    {
        silo.AddAdoNetGrainStorage(OrleansStorageName, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
            o.GrainStorageSerializer = BinaryStateSerializer(serializer);
        }));
        silo.Services.AddSingleton(_ => new GroupCommitWriter(connectionString));
        silo.Services.AddGrainStorage(StorageNames.Shop, (sp, name) => GroupCommitGrainStorage.Create(sp, name, OrleansStorageName));
        return silo;
    }

    public static IClientBuilder AddShopPostgresClustering(this IClientBuilder client, string connectionString) =>
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });

    /// <summary>
    /// State is stored in Orleans' binary format: every state type has an [Alias] and numbered
    /// [Id] members, so renaming a class or adding a member does not orphan stored rows (the
    /// default JSON serializer records .NET type names).
    /// </summary>
    public static IGrainStorageSerializer BinaryStateSerializer(Serializer serializer) => new OrleansGrainStorageSerializer(serializer);
}
