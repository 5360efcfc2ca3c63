using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Shop.Grains.Orders.ReadModel;
using Shop.Silo.Configuration;

namespace Shop.Silo.ReadModels;

/// <summary>
/// The read models on the chosen store: silos write them (order grains project their events),
/// API nodes query them. Memory storage keeps them in the process, which serves the embedded shop.
/// </summary>
public static class ReadModelSetup
{
    public static IServiceCollection AddShopReadModels(this IServiceCollection services, SiloSettings settings)
    {
        switch (settings.Storage)
        {
            case StorageProvider.Postgres:
                services.TryAddSingleton(_ => NpgsqlDataSource.Create(settings.PostgresConnection!));
                services.TryAddSingleton<IOrderReadModel, PostgresOrderReadModel>();
                break;
            case StorageProvider.MongoDb:
                services.TryAddSingleton<IOrderReadModel, MongoOrderReadModel>();
                break;
            default:
                services.TryAddSingleton<IOrderReadModel, MemoryOrderReadModel>();
                break;
        }

        return services;
    }
}
