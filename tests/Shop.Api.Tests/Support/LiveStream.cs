using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;

namespace Shop.Api.Tests.Support;

/// <summary>A shopper's open GET /api/live, read event by event.</summary>
public sealed class LiveStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _events;

    private LiveStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _events = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
    }

    public static async Task<LiveStream> Open(ShopClient client, string? lastEventId = null)
    {
        var response = await Send(client, lastEventId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new LiveStream(response, await response.Content.ReadAsStreamAsync());
    }

    public static async Task<HttpResponseMessage> Send(ShopClient client, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/live");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        return await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>The next event other than a heartbeat; fails when none comes within ten seconds.</summary>
    public async Task<(string Type, JsonObject Data, string Id)> Next()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var read = _events.MoveNextAsync().AsTask();
            var first = await Task.WhenAny(read, Task.Delay(Timeout.Infinite, timeout.Token).ContinueWith(_ => false));
            Assert.True(first == read, "No live event within ten seconds.");
            Assert.True(await read, "The live stream ended.");
            var item = _events.Current;
            if (item.EventType != "ping")
            {
                return (item.EventType, JsonNode.Parse(item.Data)!.AsObject(), _events.Current.EventId ?? "");
            }
        }
    }

    /// <summary>Whether the stream ends (the server closes it) within the time given.</summary>
    public async Task<bool> EndsWithin(TimeSpan time)
    {
        var end = DateTime.UtcNow + time;
        while (DateTime.UtcNow < end)
        {
            var read = _events.MoveNextAsync().AsTask();
            if (await Task.WhenAny(read, Task.Delay(end - DateTime.UtcNow)) != read)
            {
                return false;
            }

            if (!await read)
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        _response.Dispose();
        try
        {
            await _events.DisposeAsync();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The body was closed under the reader: that is how a client hangs up.
        }
    }
}
