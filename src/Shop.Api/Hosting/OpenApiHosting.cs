using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Shop.Api.Hosting;

public static class OpenApiHosting
{
    public static WebApplicationBuilder AddShopOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Shop API",
                Version = "v1",
                Description = "The public HTTP contract of the Shop online store. Money is in fen (1999 = ¥19.99).",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The token from POST /api/auth/login or /api/auth/register.",
            };
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapShopOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/scalar", o => o.WithTitle("Shop API"));
        return app;
    }
}
