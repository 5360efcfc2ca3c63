using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Shop.Api.Features.Web;

/// <summary>
/// Compression of what the shop generates per request (API JSON, rendered pages, sitemap, product
/// pictures), with Brotli or gzip as the client accepts, above a size threshold: below about one
/// network packet, compressing costs CPU and saves nothing. The built client's files are
/// compressed at build time instead (<see cref="PrecompressedFiles"/>).
/// </summary>
public static class ApiCompression
{
    /// <summary>Responses smaller than this (bytes) are sent as they are.</summary>
    public const int Threshold = 1024;

    internal static readonly string[] MimeTypes =
    [
        "application/json", "application/problem+json", "text/html", "image/svg+xml", "application/xml", "text/plain",
    ];

    public static IServiceCollection AddShopCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Behind TLS too. Sign-in answers, the only ones that carry a secret next to what a
            // client sent, are never compressed (ThresholdCompressionProvider), against BREACH.
            o.EnableForHttps = true;
            o.MimeTypes = MimeTypes;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // Per-request compression: the fastest level already gets most of the gain on JSON.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, ThresholdCompressionProvider>();
        return services;
    }

    /// <summary>
    /// Compression, with a Content-Length on every JSON answer below the threshold so that the
    /// decision can be made on its size (minimal APIs stream JSON without one).
    /// </summary>
    public static IApplicationBuilder UseShopCompression(this IApplicationBuilder app)
    {
        app.UseResponseCompression();
        return app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                await next(context);
                return;
            }

            var original = context.Features.Get<IHttpResponseBodyFeature>()!;
            await using var buffer = new SmallResponseBuffer(context.Response, original.Stream, Threshold);
            var feature = new StreamResponseBodyFeature(buffer, original);
            context.Features.Set<IHttpResponseBodyFeature>(feature);
            try
            {
                await next(context);
                await feature.CompleteAsync();
                await buffer.FinishAsync();
            }
            finally
            {
                context.Features.Set(original);
            }
        });
    }
}

/// <summary>The framework's choice of Brotli or gzip, skipped for small responses and for sign-in answers.</summary>
internal sealed class ThresholdCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context) =>
        context.Response.ContentLength is null or >= ApiCompression.Threshold
        && !context.Request.Path.StartsWithSegments("/api/auth")
        && base.ShouldCompressResponse(context);
}

/// <summary>
/// Holds a JSON answer's first bytes: one that ends within the threshold is sent with its
/// Content-Length (and so is not compressed); a larger one, or anything not JSON (a stream of
/// events, a picture), passes straight through.
/// </summary>
internal sealed class SmallResponseBuffer(HttpResponse response, Stream inner, int threshold) : Stream
{
    private MemoryStream? _held = new();
    private bool _decided;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (Holding())
        {
            if (_held!.Length + data.Length <= threshold)
            {
                _held.Write(data.Span);
                return;
            }

            await ReleaseAsync(cancellationToken);
        }

        await inner.WriteAsync(data, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    // A flush of held bytes waits for the end or the threshold; a streaming answer is not held.
    public override Task FlushAsync(CancellationToken cancellationToken) => _held is null ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override void Flush() => FlushAsync().GetAwaiter().GetResult();

    /// <summary>The answer is complete: what is still held is small, so it goes out with its length.</summary>
    public async Task FinishAsync()
    {
        if (_held is { Length: > 0 } && !response.HasStarted)
        {
            response.ContentLength ??= _held.Length;
        }

        await ReleaseAsync(CancellationToken.None);
    }

    private bool Holding()
    {
        if (!_decided)
        {
            _decided = true;
            var type = response.ContentType ?? "";
            if (!type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                && !type.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase))
            {
                _held = null;
            }
        }

        return _held is not null;
    }

    private async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        var held = _held;
        _held = null;
        if (held is { Length: > 0 })
        {
            held.Position = 0;
            await held.CopyToAsync(inner, cancellationToken);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
