using Microsoft.Extensions.Options;
using Shop.Silo.Configuration;

namespace Shop.Api.Operations;

/// <summary>ALLOWED_ORIGINS: the web client's origins, comma-separated; none means same-origin only.</summary>
public sealed class AllowedOriginsOptions
{
    [ConfigurationKeyName("ALLOWED_ORIGINS")]
    public string? List { get; set; }

    public string[] Origins =>
        (List ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/'))
            .ToArray();

    /// <summary>Production's rule: the exact origins, so no other site's scripts call the API with a shopper's token.</summary>
    public static readonly IValidateOptions<AllowedOriginsOptions> ProductionRule = new ShopOptions.Rule<AllowedOriginsOptions>(options =>
        options.Origins switch
        {
            [] => ["ALLOWED_ORIGINS is empty: list the web client's origins, e.g. https://shop.example.com."],
            var origins when origins.Contains("*") => ["ALLOWED_ORIGINS contains '*': list the exact origins instead."],
            _ => [],
        });
}

/// <summary>CORS for exactly the origins in ALLOWED_ORIGINS; a '*' (refused in production) allows none.</summary>
public static class Cors
{
    public static WebApplicationBuilder AddShopCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddShopOptions<AllowedOriginsOptions>();
        builder.Services.AddCors();
        builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<AllowedOriginsOptions>>((cors, allowed) => cors.AddDefaultPolicy(policy => policy
                .WithOrigins(allowed.Value.Origins.Where(o => o != "*").ToArray())
                .AllowAnyHeader()
                .AllowAnyMethod()
                .WithExposedHeaders("Location", "Retry-After")));
        return builder;
    }
}
