using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Shop.Api.Features.Web;

/// <summary>
/// The built client's files next to their Brotli (.br) and gzip (.gz) copies, made at build time at
/// the highest levels (web/build/precompress.ts). A request for a file that has copies is served the
/// copy its Accept-Encoding prefers (br, then gzip), through the static file middleware, so ranges,
/// ETags and caching work as for any file; every answer for such a file says Vary: Accept-Encoding.
/// </summary>
internal sealed class PrecompressedFiles
{
    private const string EncodingItem = "shop.precompressed";
    private static readonly FileExtensionContentTypeProvider Types = new();

    private readonly HashSet<string> _brotli;
    private readonly HashSet<string> _gzip;

    private PrecompressedFiles(HashSet<string> brotli, HashSet<string> gzip)
    {
        _brotli = brotli;
        _gzip = gzip;
    }

    /// <summary>Finds the copies once, at start: the build output does not change under a running shop.</summary>
    public static PrecompressedFiles Scan(string root)
    {
        HashSet<string> Copies(string suffix) => Directory
            .EnumerateFiles(root, "*" + suffix, SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(root, f)[..^suffix.Length].Replace('\\', '/'))
            .Where(f => File.Exists(Path.Combine(root, f.TrimStart('/'))))
            .ToHashSet(StringComparer.Ordinal);
        return new PrecompressedFiles(Copies(".br"), Copies(".gz"));
    }

    /// <summary>Before the static files: points the request at the copy to send, if any.</summary>
    public Task Select(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value ?? "";
        var hasBrotli = _brotli.Contains(path);
        var hasGzip = _gzip.Contains(path);
        if (hasBrotli || hasGzip)
        {
            context.Items[EncodingItem] = "";
            var encoding = Choose(context.Request.Headers.AcceptEncoding, hasBrotli, hasGzip);
            if (encoding is not null)
            {
                context.Items[EncodingItem] = encoding;
                context.Request.Path = path + (encoding == "br" ? ".br" : ".gz");
            }
        }

        return next();
    }

    /// <summary>On the static file's answer: the encoding of the copy and the Vary that caches need.</summary>
    public static void Describe(HttpContext context)
    {
        if (context.Items[EncodingItem] is not string encoding)
        {
            return;
        }

        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        if (encoding.Length > 0)
        {
            context.Response.Headers.ContentEncoding = encoding;
        }
    }

    /// <summary>The copies are typed as the file they were made from.</summary>
    public static IContentTypeProvider ContentTypes { get; } = new CopyContentTypes();

    internal static string? Choose(Microsoft.Extensions.Primitives.StringValues acceptEncoding, bool hasBrotli, bool hasGzip)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var accepted))
        {
            return null;
        }

        double Quality(string coding)
        {
            var match = accepted.FirstOrDefault(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase))
                ?? accepted.FirstOrDefault(a => a.Value == "*");
            return match is null ? 0 : match.Quality ?? 1;
        }

        var brotli = hasBrotli ? Quality("br") : 0;
        var gzip = hasGzip ? Quality("gzip") : 0;
        if (brotli <= 0 && gzip <= 0)
        {
            return null;
        }

        // Brotli is smaller; it wins ties.
        return brotli >= gzip ? "br" : "gzip";
    }

    private sealed class CopyContentTypes : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, out string contentType)
        {
            var original = subpath.EndsWith(".br", StringComparison.Ordinal) || subpath.EndsWith(".gz", StringComparison.Ordinal)
                ? subpath[..^3]
                : subpath;
            return Types.TryGetContentType(original, out contentType!);
        }
    }
}
