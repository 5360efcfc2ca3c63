using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Shop.Api.Hosting;

/// <summary>
/// Serves the built web client (web/dist, or WEB_ROOT) and answers any non-API path with its
/// index.html, so a deep link or a reload works on every client route.
/// </summary>
public static class WebClientHosting
{
    public static WebApplication MapWebClient(this WebApplication app)
    {
        var root = FindRoot(app);
        if (root is null)
        {
            app.Logger.LogWarning("No built web client found (web/dist); only the API is served. Build it with: cd web && npm ci && npm run build");
            app.MapGet("/", () => Results.Text("The Shop API is running. The web client is not built: cd web && npm ci && npm run build", "text/plain"))
                .ExcludeFromDescription();
            return app;
        }

        // A GET for a client route (no endpoint, not under /api, not a file) is answered with index.html.
        // A rewrite rather than a fallback endpoint, so unknown API paths stay 404 and a wrong method 405.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null && HttpMethods.IsGet(context.Request.Method)
                && !context.Request.Path.StartsWithSegments("/api") && !Path.HasExtension(context.Request.Path.Value))
            {
                context.Request.Path = "/index.html";
            }

            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            OnPrepareResponse = context =>
            {
                // Vite fingerprints everything under assets/, so those never change; the rest is rechecked.
                context.Context.Response.Headers[HeaderNames.CacheControl] =
                    context.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache";
            },
        });
        return app;
    }

    private static string? FindRoot(WebApplication app)
    {
        var candidates = new[]
        {
            app.Configuration["WEB_ROOT"],
            Path.Combine(app.Environment.ContentRootPath, "wwwroot"),
            Path.Combine(app.Environment.ContentRootPath, "..", "..", "web", "dist"),
            Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        };
        return candidates
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => Path.GetFullPath(c!))
            .FirstOrDefault(c => File.Exists(Path.Combine(c, "index.html")));
    }
}
