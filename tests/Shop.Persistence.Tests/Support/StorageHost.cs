using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Shop.Grains.Common;

namespace Shop.Persistence.Tests.Support;

/// <summary>A one-silo host that carries a grain storage provider, so tests can call it directly.</summary>
public sealed class StorageHost(IHost host) : IAsyncDisposable
{
    public IGrainStorage Storage => host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Shop);

    public IServiceProvider Services => host.Services;

    public static async Task<StorageHost> StartAsync(Action<ISiloBuilder> addStorage)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(FreePort(), FreePort());
                addStorage(silo);
            })
            .Build();
        await host.StartAsync();
        return new StorageHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
