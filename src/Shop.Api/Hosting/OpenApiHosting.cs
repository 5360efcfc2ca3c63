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
            AddHealthPaths(document);
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>The health endpoints are health-check middleware, which the generator does not see.</summary>
    private static void AddHealthPaths(OpenApiDocument document)
    {
        OpenApiPathItem Get(string summary, Dictionary<string, string> responses) => new()
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    Summary = summary,
                    Tags = new HashSet<OpenApiTagReference> { new("Operations", document) },
                    Responses = Responses(responses),
                },
            },
        };

        static OpenApiResponses Responses(Dictionary<string, string> descriptions)
        {
            var responses = new OpenApiResponses();
            foreach (var (status, description) in descriptions)
            {
                responses[status] = new OpenApiResponse { Description = description };
            }

            return responses;
        }

        document.Paths ??= new OpenApiPaths();
        document.Paths["/api/health"] = Get("Cluster and storage checks with their timings", new()
        {
            ["200"] = "Healthy: {status, version, commit, checks: {name: {status, durationMs, detail}}}",
            ["503"] = "A check failed; the same body",
        });
        document.Paths["/api/health/live"] = Get("Whether the process runs", new() { ["200"] = "The process runs" });
    }

    public static WebApplication MapShopOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/scalar", o => o.WithTitle("Shop API"));
        return app;
    }
}
