using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Shop.Grains.Orders.ReadModel;
using Shop.Grains.Reviews;
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
                services.TryAddSingleton<IOrderStatistics, PostgresOrderStatistics>();
                services.TryAddSingleton<IReviewStore, PostgresReviewStore>();
                break;
            case StorageProvider.MongoDb:
                services.TryAddSingleton<IOrderReadModel, MongoOrderReadModel>();
                services.TryAddSingleton<IOrderStatistics, MongoOrderStatistics>();
                services.TryAddSingleton<IReviewStore, MongoReviewStore>();
                break;
            default:
                services.TryAddSingleton<MemoryOrderReadModel>();
                services.TryAddSingleton<IOrderReadModel>(sp => sp.GetRequiredService<MemoryOrderReadModel>());
                services.TryAddSingleton<IOrderStatistics>(sp => new MemoryOrderStatistics(sp.GetRequiredService<MemoryOrderReadModel>()));
                services.TryAddSingleton<IReviewStore, MemoryReviewStore>();
                break;
        }

        return services;
    }
}
