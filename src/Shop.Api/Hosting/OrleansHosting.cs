using Shop.Silo.Hosting;

namespace Shop.Api.Hosting;

public static class OrleansHosting
{
    /// <summary>
    /// SILO_MODE=embedded (default): this process hosts a silo too. SILO_MODE=external: it joins the
    /// cluster as a client and holds no grains.
    /// </summary>
    public static WebApplicationBuilder AddShopOrleans(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration["SILO_MODE"] is { Length: > 0 } m ? m.Trim().ToLowerInvariant() : "embedded";
        switch (mode)
        {
            case "embedded":
                builder.UseOrleans(silo => silo.AddShopSilo(builder.Configuration));
                break;
            case "external":
                builder.UseOrleansClient(client => client.AddShopClient(builder.Configuration));
                break;
            default:
                throw new InvalidOperationException($"SILO_MODE must be embedded or external; got '{mode}'.");
        }

        return builder;
    }

    public static bool IsEmbedded(IConfiguration config) =>
        !string.Equals(config["SILO_MODE"]?.Trim(), "external", StringComparison.OrdinalIgnoreCase);
}
