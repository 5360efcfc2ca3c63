using System.Diagnostics;

namespace Shop.Api.Alerts;

/// <summary>
/// The API's responses over the last window: how many, how many were 5xx, how long they took.
/// Fed by a middleware on every /api request; read by the alert monitor.
/// </summary>
public sealed class RequestStats(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Queue<(DateTimeOffset At, double Ms, bool Failed)> _requests = new();

    public void Record(double milliseconds, int status)
    {
        lock (_gate)
        {
            _requests.Enqueue((clock.GetUtcNow(), milliseconds, status >= 500));
            // Bounded: under heavy load the window keeps only the newest responses.
            if (_requests.Count > 100_000)
            {
                _requests.Dequeue();
            }
        }
    }

    /// <summary>Error rate in percent and mean latency in ms, or nulls below <paramref name="minRequests"/>.</summary>
    public (double? ErrorRatePercent, double? MeanLatencyMs) Summarize(TimeSpan window, int minRequests)
    {
        lock (_gate)
        {
            var since = clock.GetUtcNow() - window;
            while (_requests.TryPeek(out var oldest) && oldest.At < since)
            {
                _requests.Dequeue();
            }

            if (_requests.Count < minRequests)
            {
                return (null, null);
            }

            return (100.0 * _requests.Count(r => r.Failed) / _requests.Count, _requests.Average(r => r.Ms));
        }
    }

    public static IApplicationBuilder UseRequestStats(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/api/health"))
            {
                await next(context);
                return;
            }

            var started = Stopwatch.GetTimestamp();
            int? answeredByHandler = null;
            try
            {
                await next(context);
            }
            catch (Exception e)
            {
                // The exception handler further out answers: a malformed request (bad JSON, a value of
                // the wrong type) with its 4xx, being the client's mistake, anything else with a 500.
                answeredByHandler = e is BadHttpRequestException bad ? bad.StatusCode : 500;
                throw;
            }
            finally
            {
                context.RequestServices.GetRequiredService<RequestStats>()
                    .Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, answeredByHandler ?? context.Response.StatusCode);
            }
        });
}
