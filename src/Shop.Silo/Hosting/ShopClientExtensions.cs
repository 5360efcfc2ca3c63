using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Shop.Silo.Configuration;
using Shop.Silo.Operations;
using Orleans.Dashboard;
using Shop.Silo.Persistence;
using Shop.Silo.Persistence.Mongo;
using Shop.Silo.ReadModels;

namespace Shop.Silo.Hosting;

/// <summary>How an API node joins the silo cluster as a client (SILO_MODE=external).</summary>
public static class ShopClientExtensions
{
    public static IClientBuilder AddShopClient(this IClientBuilder client, IConfiguration config)
    {
        var settings = SiloSettings.From(config);
        settings.EnsureComplete();
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        if (ClusterTls.Load(config, silo: false) is { } tls)
        {
            client.UseTls(tls.Configure);
        }

        switch (settings.Storage)
        {
            case StorageProvider.Memory:
                client.UseLocalhostClustering(settings.GatewayPort, settings.ServiceId, settings.ClusterId);
                break;
            case StorageProvider.Postgres:
                // Gateways are read from the membership table, so silos can come and go.
                client.AddShopPostgresClustering(settings.PostgresConnection!);
                break;
            case StorageProvider.MongoDb:
                client.AddShopMongoClustering(settings.MongoUri!);
                break;
            default:
                throw new InvalidOperationException($"STORAGE_PROVIDER={settings.Storage} is not known.");
        }

        client.Services.AddShopReadModels(settings);

        // A call in flight through a gateway silo that crashes is never answered: the client gives up only
        // after ResponseTimeout, Orleans' 30 s by default, and until then the shopper waits. Shop calls
        // take milliseconds, so 10 s is still generous, and it bounds the wait in a failover to about 10 s
        // (measured by tests/Shop.Persistence.Tests/Cluster).
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        client.AddOutgoingGrainCallFilter<RepeatCallsOnSiloExit>();

        if (SiloTelemetry.ExportsTraces(config))
        {
            client.AddActivityPropagation();
        }

        client.Services.AddShopOptions<ShopDashboardOptions>();
        if (ShopSiloExtensions.DashboardEnabled(config))
        {
            client.AddDashboard();
        }

        return client;
    }
}
