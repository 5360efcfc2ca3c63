using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Shop.Grains.Common;
using Shop.Grains.Orders;
using Shop.Silo.Configuration;

namespace Shop.Silo.Hosting;

/// <summary>
/// The one place a shop silo is configured, used by the standalone silo and by the API's embedded
/// mode alike so the two cannot drift.
/// </summary>
public static class ShopSiloExtensions
{
    public static ISiloBuilder AddShopSilo(this ISiloBuilder silo, IConfiguration config)
    {
        var settings = SiloSettings.From(config);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });

        switch (settings.Storage)
        {
            case StorageProvider.Memory:
                // Without a database there is no membership table: every silo joins the primary on this machine.
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort,
                    new IPEndPoint(IPAddress.Loopback, settings.PrimarySiloPort), settings.ServiceId, settings.ClusterId);
                silo.AddShopMemoryPersistence();
                break;
            default:
                throw new InvalidOperationException(
                    $"STORAGE_PROVIDER={settings.Storage} is not available in this build; use memory.");
        }

        return silo.AddShopGrainServices(config);
    }

    public static ISiloBuilder AddShopMemoryPersistence(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(StorageNames.Shop);
        silo.UseInMemoryReminderService();
        return silo;
    }

    /// <summary>What the grains need besides storage: business rules and the card gateway.</summary>
    public static ISiloBuilder AddShopGrainServices(this ISiloBuilder silo, IConfiguration config)
    {
        var paymentTimeout = config["PAYMENT_TIMEOUT"];
        silo.Services.AddOptions<ShopRulesOptions>().Configure(o =>
        {
            if (!string.IsNullOrWhiteSpace(paymentTimeout))
            {
                o.PaymentTimeout = Durations.Parse(paymentTimeout, "PAYMENT_TIMEOUT");
            }
        });
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<ICardGateway, SimulatedCardGateway>();
        return silo;
    }
}
