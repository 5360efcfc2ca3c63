namespace Shop.Api.Operations;

/// <summary>CORS for exactly the origins in ALLOWED_ORIGINS (comma-separated); none means same-origin only.</summary>
public static class Cors
{
    public static string[] AllowedOrigins(IConfiguration config) =>
        (config["ALLOWED_ORIGINS"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/'))
            .ToArray();

    public static WebApplicationBuilder AddShopCors(this WebApplicationBuilder builder)
    {
        var origins = AllowedOrigins(builder.Configuration).Where(o => o != "*").ToArray();
        builder.Services.AddCors(o => o.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("Location", "Retry-After")));
        return builder;
    }
}
