using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Messaging;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Shop.Grains.Common;

using Shop.Silo.Configuration;

namespace Shop.Silo.Persistence.Mongo;

/// <summary>
/// STORAGE_PROVIDER=mongodb: the project's own grain storage, membership table and reminder table on
/// MongoDB.Driver, sharing one client. Collections and indexes: `Shop.Silo migrate`.
/// </summary>
public static class MongoPersistence
{
    public static ISiloBuilder AddShopMongo(this ISiloBuilder silo, string mongoUri)
    {
        AddConnection(silo.Services, MongoSettings.Parse(mongoUri), "shop-silo");
        silo.Services.AddSingleton<MongoMembershipTable>();
        silo.Services.AddSingleton<IMembershipTable>(sp => sp.GetRequiredService<MongoMembershipTable>());
        silo.Services.AddGrainStorage(StorageNames.Shop, (sp, name) => ActivatorUtilities.CreateInstance<MongoGrainStorage>(
            sp, name, BinaryStateSerializer(sp)));
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable, MongoReminderTable>();
        return silo;
    }

    /// <summary>Just the grain storage (the storage contract tests host it alone).</summary>
    public static ISiloBuilder AddShopMongoGrainStorage(this ISiloBuilder silo, string mongoUri)
    {
        AddConnection(silo.Services, MongoSettings.Parse(mongoUri), "shop-silo");
        silo.Services.AddShopOptions<MongoStorageOptions>();
        silo.Services.AddGrainStorage(StorageNames.Shop, (sp, name) => ActivatorUtilities.CreateInstance<MongoGrainStorage>(
            sp, name, BinaryStateSerializer(sp)));
        return silo;
    }

    /// <summary>API nodes in SILO_MODE=external find the gateways in the membership document.</summary>
    public static IClientBuilder AddShopMongoClustering(this IClientBuilder client, string mongoUri)
    {
        AddConnection(client.Services, MongoSettings.Parse(mongoUri), "shop-api");
        client.Services.AddSingleton<IGatewayListProvider, MongoGatewayListProvider>();
        return client;
    }

    /// <summary>The same binary format as the PostgreSQL provider: [Alias]/[Id] types, not .NET type names.</summary>
    private static IGrainStorageSerializer BinaryStateSerializer(IServiceProvider services) =>
        new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());

    private static void AddConnection(IServiceCollection services, MongoSettings settings, string applicationName) =>
        services.TryAddSingleton(_ => new MongoConnection(settings, applicationName, MongoSettings.RuntimeServerSelectionTimeout, MongoSettings.RuntimeSocketTimeout));
}
