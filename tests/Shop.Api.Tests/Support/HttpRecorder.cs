using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shop.Api.Tests.Support;

/// <summary>One HTTP request a <see cref="HttpRecorder"/> received.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, IReadOnlyDictionary<string, string> Form);

/// <summary>
/// A real HTTP server (Kestrel on loopback) that records what it is sent and answers with a fixed
/// status and body: a webhook receiver, or a stand-in for Twilio's REST API.
/// </summary>
public sealed class HttpRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpRecorder(WebApplication app, string url)
    {
        _app = app;
        BaseUrl = url;
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<HttpRecorder> StartAsync(int status, string responseBody)
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddRequestDecompression(); // Sentry gzips its envelopes
        var app = builder.Build();
        app.UseRequestDecompression();
        var recorder = new HttpRecorder(app, $"http://127.0.0.1:{port}");
        app.Run(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var form = context.Request.HasFormContentType
                ? System.Web.HttpUtility.ParseQueryString(body).AllKeys.OfType<string>().ToDictionary(k => k, k => System.Web.HttpUtility.ParseQueryString(body)[k]!)
                : [];
            recorder.Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, form));
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(responseBody);
        });
        await app.StartAsync();
        return recorder;
    }

    public async Task<RecordedRequest> WaitFor(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (Requests.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No matching request arrived. Got: " + string.Join(" | ", Requests.Select(r => $"{r.Method} {r.Path} {r.Body}")));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
