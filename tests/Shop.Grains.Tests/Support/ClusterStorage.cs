using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Shop.Grains.Common;

namespace Shop.Grains.Tests.Support;

public static class ClusterStorage
{
    /// <summary>The primary silo's services, for tests that reach past the grains (storage, serializer).</summary>
    public static IServiceProvider PrimaryServices(this TestCluster cluster) => ((InProcessSiloHandle)cluster.Primary!).SiloHost!.Services;

    /// <summary>The shop's grain storage, to read or write stored state as another process or release would.</summary>
    public static IGrainStorage ShopStorage(this TestCluster cluster) => cluster.PrimaryServices().GetRequiredKeyedService<IGrainStorage>(StorageNames.Shop);
}
