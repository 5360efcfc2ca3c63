using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using Shop.Api.Features.Web;

namespace Shop.Api.Hosting;

/// <summary>
/// Serves the built web client (web/dist, or WEB_ROOT): its files (precompressed copies where the
/// build made them), and for any other non-API path the page made from index.html
/// (<see cref="WebPages"/>), so a deep link or a reload works on every client route. Also HEAD
/// wherever GET is answered, compression of generated answers, robots.txt and sitemap.xml.
/// </summary>
public static class WebClientHosting
{
    public static WebApplicationBuilder AddShopWebClient(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<IStartupFilter, HeadRequests>();
        builder.Services.AddShopCompression();
        return builder;
    }

    public static WebApplication MapWebClient(this WebApplication app)
    {
        // Middleware added here still runs before the endpoints (they run at the end of the pipeline).
        app.UseShopCompression();
        app.MapSeoApi();
        var root = FindRoot(app);
        if (root is null)
        {
            app.Logger.LogWarning("No built web client found (web/dist); only the API is served. Build it with: cd web && npm ci && npm run build");
            app.MapGet("/", () => Results.Text("The Shop API is running. The web client is not built: cd web && npm ci && npm run build", "text/plain"))
                .ExcludeFromDescription();
            return app;
        }

        var build = WebBuild.Load(root);
        var pages = ActivatorUtilities.CreateInstance<WebPages>(app.Services, build);

        // A GET for a client route (no endpoint, not under /api, not a file) is answered with its page.
        // Middleware rather than a fallback endpoint, so unknown API paths stay 404 and a wrong method 405.
        app.Use((context, next) =>
            context.GetEndpoint() is null && HttpMethods.IsGet(context.Request.Method)
                && !context.Request.Path.StartsWithSegments("/api") && !Path.HasExtension(context.Request.Path.Value)
                ? pages.Write(context)
                : next(context));
        app.Use((context, next) => build.Precompressed.Select(context, () => next(context)));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            ContentTypeProvider = PrecompressedFiles.ContentTypes,
            OnPrepareResponse = context =>
            {
                PrecompressedFiles.Describe(context.Context);
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
