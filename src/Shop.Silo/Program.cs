using Microsoft.Extensions.Hosting;
using Shop.Silo.Hosting;

namespace Shop.Silo;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.AddShopLogging(builder.Configuration);
        builder.UseOrleans(silo => silo.AddShopSilo(builder.Configuration));
        await builder.Build().RunAsync();
        return 0;
    }
}
