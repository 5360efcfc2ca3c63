using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Shop.Grains.Common;
using Shop.Grains.Orders;
using Shop.Grains.Users;
using Shop.Silo.Configuration;
using Shop.Silo.Notifications;
using Shop.Silo.Operations;
using Shop.Silo.ReadModels;
using Orleans.Dashboard;
using Shop.Silo.Persistence;
using Shop.Silo.Persistence.Mongo;

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
        settings.EnsureComplete();
        if (KubernetesHosting.Problems(config) is [var first, ..])
        {
            throw new InvalidOperationException(first);
        }

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        silo.AddOutgoingGrainCallFilter<RepeatCallsOnSiloExit>();
        if (ClusterTls.Load(config, silo: true) is { } tls)
        {
            silo.UseTls(tls.Configure);
        }

        switch (settings.Storage)
        {
            case StorageProvider.Memory:
                // Without a database there is no membership table: every silo joins the primary on this machine.
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort,
                    new IPEndPoint(IPAddress.Loopback, settings.PrimarySiloPort), settings.ServiceId, settings.ClusterId);
                silo.AddShopMemoryPersistence();
                break;
            case StorageProvider.Postgres:
                ConfigureEndpoints(silo, settings, config);
                silo.AddShopPostgres(settings.PostgresConnection!);
                break;
            case StorageProvider.MongoDb:
                ConfigureEndpoints(silo, settings, config);
                silo.AddShopMongo(settings.MongoUri!);
                break;
            default:
                throw new InvalidOperationException($"STORAGE_PROVIDER={settings.Storage} is not known.");
        }

        silo.Services.AddShopReadModels(settings);

        // Failure detection: probe every 2 s instead of Orleans' 5 s, so a crashed silo is declared dead
        // (and its grains can live elsewhere) 3-5 s after it dies instead of 6-15 s, the time during
        // which calls to its grains fail. A live silo is still evicted only after three probes in a row
        // go unanswered (about 6 s of silence) and another silo agrees, and a silo whose own health is
        // degraded stretches its probe timeout. Measured by tests/Shop.Persistence.Tests/Cluster.
        //
        // A crashed silo's row stays Active; a silo that starts while no live silo can vote it dead
        // (the only silo crashed, or all of them) waits until the row's heartbeat is three periods
        // old before it stops trying to reach it. A 10 s heartbeat makes that 30 s instead of 90 s.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        });

        // Traces follow a request from the API node into the grains it calls, when they are exported.
        if (SiloTelemetry.ExportsTraces(config))
        {
            silo.AddActivityPropagation();
        }

        silo.Services.AddShopOptions<ShopDashboardOptions>();
        if (DashboardEnabled(config))
        {
            silo.AddDashboard();
        }

        return silo.AddShopGrainServices();
    }

    /// <summary>DASHBOARD_ENABLED, or on in Development only (<see cref="ShopDashboardOptions"/>).</summary>
    public static bool DashboardEnabled(IConfiguration config) => ShopDashboardOptions.IsEnabled(config);

    /// <summary>
    /// With a membership table silos may live on several machines: each advertises SILO_ADVERTISED_IP
    /// (default: this host's address), under SILO_HOSTING=kubernetes POD_IP (Orleans' Kubernetes hosting
    /// names the silo after its pod, POD_NAME, which is how it matches silos to pods), on SILO_PORT and
    /// GATEWAY_PORT. The ports are bound to the advertised address only, where that is an address of
    /// this machine (a container's or a pod's own IP, a loopback address as in scripts/cluster.sh and the
    /// cluster tests), so interfaces the cluster does not use (a public one, docker0) do not expose them.
    /// An address this machine does not have (a NAT's, a load balancer's) cannot be bound: then, and
    /// without SILO_ADVERTISED_IP, the silo listens on every interface.
    /// </summary>
    private static void ConfigureEndpoints(ISiloBuilder silo, SiloSettings settings, IConfiguration config)
    {
        var kubernetes = KubernetesHosting.IsEnabled(config);
        // POD_IP is set here, not left to the Kubernetes hosting: Orleans' own default (this host's
        // first address) is applied before it and would win (tests/.../KubernetesHostingTests).
        var advertised = kubernetes ? config["POD_IP"] : settings.AdvertisedIp;
        if (advertised is null)
        {
            silo.ConfigureEndpoints(settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
            return;
        }

        var address = IPAddress.Parse(advertised);
        var listen = SiloAddresses.IsOwn(address) ? address : IPAddress.Any;
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = address;
            o.SiloPort = settings.SiloPort;
            o.GatewayPort = settings.GatewayPort;
            o.SiloListeningEndpoint = new IPEndPoint(listen, settings.SiloPort);
            o.GatewayListeningEndpoint = new IPEndPoint(listen, settings.GatewayPort);
        });
        if (kubernetes)
        {
            silo.UseKubernetesHosting();
        }
    }

    public static ISiloBuilder AddShopMemoryPersistence(this ISiloBuilder silo)
    {
        // Binary, as the databases store it: the default JSON serializer cannot read immutable
        // collections back, so a grain reactivated after an idle spell would fail to load.
        silo.AddMemoryGrainStorage(StorageNames.Shop, options => options.Configure<Serializer>((o, serializer) =>
            o.GrainStorageSerializer = PostgresPersistence.BinaryStateSerializer(serializer)));
        silo.UseInMemoryReminderService();
        silo.Services.TryAddSingleton<PreviousEmailIndex>(PreviousEmailIndex.None);
        return silo;
    }

    /// <summary>What the grains need besides storage: business rules, the card gateway and notification delivery.</summary>
    public static ISiloBuilder AddShopGrainServices(this ISiloBuilder silo)
    {
        silo.Services.AddShopOptions<OrderRuleSettings>();
        silo.Services.AddOptions<ShopRulesOptions>().Configure<IOptions<OrderRuleSettings>>((rules, settings) => settings.Value.ApplyTo(rules));
        silo.Services.AddOptions<ReminderOptions>().Configure<IOptions<OrderRuleSettings>>((reminders, settings) =>
        {
            // Orleans refuses reminder periods under a minute unless told otherwise.
            if (settings.Value.RetryPeriod?.Value is { } retryPeriod && retryPeriod < reminders.MinimumReminderPeriod)
            {
                reminders.MinimumReminderPeriod = retryPeriod;
            }
        });

        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<PreviousEmailIndex>(PreviousEmailIndex.InStorage);
        silo.Services.TryAddSingleton<ICardGateway, SimulatedCardGateway>();
        silo.Services.AddShopDelivery();
        return silo;
    }
}
