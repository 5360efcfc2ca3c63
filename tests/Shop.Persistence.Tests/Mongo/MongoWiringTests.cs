using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Messaging;
using Orleans.Storage;
using Shop.Grains.Common;
using Shop.Silo.Hosting;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>
/// Server-free: STORAGE_PROVIDER=mongodb wires the project's providers into a silo (the standalone
/// silo and the embedded mode share AddShopSilo) and the gateway list into a client. The hosts are
/// built, not started: building opens no connection.
/// </summary>
public sealed class MongoWiringTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["MONGO_URI"] = "mongodb://127.0.0.1:1/shop_wiring",
        ["SILO_ADVERTISED_IP"] = "127.0.0.1",
        ["DASHBOARD_ENABLED"] = "false",
    };

    [Fact]
    public void A_silo_gets_mongo_storage_membership_and_reminders()
    {
        using var host = Host.CreateDefaultBuilder()
            .UseOrleans(silo => silo.AddShopSilo(Config()))
            .Build();
        var services = host.Services;

        Assert.IsType<MongoMembershipTable>(services.GetRequiredService<IMembershipTable>());
        Assert.IsType<MongoReminderTable>(services.GetRequiredService<IReminderTable>());
        Assert.IsType<MongoGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Shop));
        Assert.Equal("shop_wiring", services.GetRequiredService<MongoConnection>().Settings.DatabaseName);
        Assert.Equal("shop-silo", services.GetRequiredService<MongoConnection>().Client.Settings.ApplicationName);
    }

    [Fact]
    public void An_API_client_finds_its_gateways_in_mongo()
    {
        using var host = Host.CreateDefaultBuilder()
            .UseOrleansClient(client => client.AddShopClient(Config()))
            .Build();

        Assert.IsType<MongoGatewayListProvider>(host.Services.GetRequiredService<IGatewayListProvider>());
        Assert.Equal(MongoSettings.RuntimeServerSelectionTimeout, host.Services.GetRequiredService<MongoConnection>().Client.Settings.ServerSelectionTimeout);
    }

    private static IConfiguration Config() => new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
}
