using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Api.Operations;

namespace Shop.Api.Tests.Operations;

/// <summary>The CORS policy allows exactly ALLOWED_ORIGINS, as bound at start; a '*' allows no one.</summary>
public sealed class CorsTests
{
    private static CorsPolicy DefaultPolicy(string? origins)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ALLOWED_ORIGINS"] = origins;
        builder.AddShopCors();
        var cors = builder.Services.BuildServiceProvider().GetRequiredService<IOptions<CorsOptions>>().Value;
        return cors.GetPolicy(cors.DefaultPolicyName)!;
    }

    [Fact]
    public void The_listed_origins_are_allowed_without_a_trailing_slash_and_never_any_origin()
    {
        var policy = DefaultPolicy("https://shop.example.com/, https://admin.example.com,*");
        Assert.Equal(["https://shop.example.com", "https://admin.example.com"], policy.Origins);
        Assert.False(policy.AllowAnyOrigin);
        Assert.Equal(["Location", "Retry-After"], policy.ExposedHeaders);

        Assert.Empty(DefaultPolicy(null).Origins);
    }
}
