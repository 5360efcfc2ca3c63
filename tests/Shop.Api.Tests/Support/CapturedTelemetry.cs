using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Shop.Api.Tests.Support;

/// <summary>
/// Every log line a host writes, as its providers would receive it: the formatted message, the
/// structured values, the exception and the scopes (so what a JSON or OTLP log exporter could send).
/// Filter rules apply as to any provider, so it sees what the host's log levels enable.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { category, logLevel.ToString(), formatter(state, exception), exception?.ToString() ?? "" };
            parts.AddRange(Values(state));
            owner._scopes.ForEachScope((scope, list) => list.AddRange(Values(scope)), parts);
            owner._lines.Enqueue(string.Join(" | ", parts));
        }

        private static IEnumerable<string> Values(object? state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => $"{p.Key}={Text(p.Value)}")
            : [Text(state)];

        private static string Text(object? value) => value is IEnumerable items and not string
            ? string.Join(",", items.Cast<object?>())
            : value?.ToString() ?? "";
    }
}

/// <summary>
/// Every span any source in this process ends while it listens (sampled in full, as an exporter would
/// get them): name, tags, events with their tags, status, baggage.
/// </summary>
public sealed class CapturedSpans : IDisposable
{
    private readonly ConcurrentQueue<string> _spans = new();
    private readonly ActivityListener _listener;

    public CapturedSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _spans.Enqueue(Describe(activity)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyCollection<string> Spans => _spans;

    public void Dispose() => _listener.Dispose();

    private static string Describe(Activity activity) => string.Join(" | ",
        [
            activity.Source.Name, activity.OperationName, activity.DisplayName, activity.StatusDescription ?? "",
            .. activity.TagObjects.Select(t => $"{t.Key}={t.Value}"),
            .. activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}").Prepend(e.Name)),
            .. activity.Baggage.Select(b => $"{b.Key}={b.Value}"),
            .. activity.Links.SelectMany(l => l.Tags?.Select(t => $"{t.Key}={t.Value}") ?? []),
        ]);
}
