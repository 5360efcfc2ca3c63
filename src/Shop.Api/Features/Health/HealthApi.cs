using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shop.Silo.Operations;

namespace Shop.Api.Features.Health;

public static class HealthApi
{
    private const string ReadyTag = "ready";

    /// <summary>The release and commit this API node was built from (reported by both health endpoints).</summary>
    public static readonly BuildInfo Build = BuildInfo.Of(typeof(HealthApi).Assembly);

    public static WebApplicationBuilder AddShopHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HealthCheckCache>();
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        return builder;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/api/health", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReport,
        }).WithTags("Operations");
        routes.MapHealthChecks("/api/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteReport,
        }).WithTags("Operations");
        return routes;
    }

    private static Task WriteReport(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            version = Build.Version,
            commit = Build.Commit,
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                // The exception's type only: its message may name hosts or users, and the full error is in the log.
                detail = e.Value.Exception is { } ex ? $"failed: {ex.GetType().Name}" : e.Value.Description,
                // Results are reused for a few seconds (HealthCheckCache): when this one was taken.
                checkedAt = e.Value.Data.TryGetValue(HealthCheckCache.CheckedAtKey, out var at) ? at : null,
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
