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

    private static string? FindRoot(WebApplication app) =>
        FindRoot(app.Configuration["WEB_ROOT"], app.Environment.ContentRootPath, AppContext.BaseDirectory);

    /// <summary>
    /// The folder of the built client (the first with an index.html): WEB_ROOT when set; wwwroot in
    /// the content root or beside the DLL (a publish output); else the repository's web/dist, found by
    /// walking up from the content root and then from the DLL's folder, so the shop finds it whether
    /// it runs through `dotnet run` (content root src/Shop.Api) or as
    /// `dotnet src/Shop.Api/bin/Release/net10.0/Shop.Api.dll` from the repository root or anywhere else.
    /// </summary>
    internal static string? FindRoot(string? webRoot, string contentRoot, string baseDirectory)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(webRoot))
        {
            candidates.Add(webRoot);
        }

        candidates.Add(Path.Combine(contentRoot, "wwwroot"));
        candidates.Add(Path.Combine(baseDirectory, "wwwroot"));
        candidates.AddRange(Upwards(contentRoot).Concat(Upwards(baseDirectory)).Select(folder => Path.Combine(folder, "web", "dist")));
        return candidates
            .Select(c => Path.GetFullPath(c))
            .FirstOrDefault(c => File.Exists(Path.Combine(c, "index.html")));
    }

    /// <summary>A folder and its parents, at most <see cref="MaxLevelsUp"/> above it.</summary>
    private static IEnumerable<string> Upwards(string folder)
    {
        var current = new DirectoryInfo(Path.GetFullPath(folder));
        for (var level = 0; current is not null && level <= MaxLevelsUp; level++, current = current.Parent)
        {
            yield return current.FullName;
        }
    }

    /// <summary>The repository root is five folders above src/Shop.Api/bin/Release/net10.0; one more for room.</summary>
    private const int MaxLevelsUp = 6;
}
