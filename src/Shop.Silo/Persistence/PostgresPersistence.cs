using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Shop.Grains.Common;

namespace Shop.Silo.Persistence;

/// <summary>Orleans ADO.NET clustering, grain storage and reminders on PostgreSQL (schema: `migrate`).</summary>
public static class PostgresPersistence
{
    public const string Invariant = "Npgsql";

    public static ISiloBuilder AddShopPostgres(this ISiloBuilder silo, string connectionString)
    {
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(StorageNames.Shop, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
            o.GrainStorageSerializer = BinaryStateSerializer(serializer);
        }));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
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
