using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MongoDB.Driver.Core.Configuration;
using MongoDB.Driver.Core.Events;
using MongoDB.Driver.Core.Servers;

namespace Shop.Silo.Persistence.Mongo;

/// <summary>
/// What the MongoDB driver reports as events, as a small meter (the driver has none of its own):
/// the duration of each command by name and outcome, and its connection pools' use and size, the
/// MongoDB counterpart of Npgsql's db_client_* metrics.
/// </summary>
public static class MongoMetrics
{
    public const string MeterName = "Shop.MongoDB";

    private static readonly Meter Meter = new(MeterName);

    private static readonly ConcurrentDictionary<ServerId, int> PoolSizes = new();

    private static readonly Histogram<double> CommandDuration = Meter.CreateHistogram<double>(
        "shop.mongodb.command.duration", "s", "Commands sent to MongoDB by the shop's providers, by command and outcome (success, failure)",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly UpDownCounter<long> ConnectionsUsed = Meter.CreateUpDownCounter<long>(
        "shop.mongodb.connections.used", "{connection}", "Connections checked out of the driver's pools");

    private static readonly Counter<long> StatesTooLarge = Meter.CreateCounter<long>(
        "shop.mongodb.state.too_large", "{write}", "Grain state writes refused for being over MONGO_MAX_STATE_BYTES, by state name");

    static MongoMetrics() =>
        Meter.CreateObservableGauge("shop.mongodb.connections.max", () => (long)PoolSizes.Values.Sum(), "{connection}",
            "The most connections the driver's pools may open (maxPoolSize per server)");

    public static void StateTooLarge(string stateName) => StatesTooLarge.Add(1, new KeyValuePair<string, object?>("state", stateName));

    /// <summary>The client's ClusterConfigurator: subscribes the meter to the driver's events.</summary>
    public static void Subscribe(ClusterBuilder cluster) => cluster
        .Subscribe<CommandSucceededEvent>(e => Command(e.CommandName, "success", e.Duration))
        .Subscribe<CommandFailedEvent>(e => Command(e.CommandName, "failure", e.Duration))
        .Subscribe<ConnectionPoolCheckedOutConnectionEvent>(_ => CheckedOut())
        .Subscribe<ConnectionPoolCheckedInConnectionEvent>(_ => CheckedIn())
        .Subscribe<ConnectionPoolOpenedEvent>(e => PoolOpened(e.ServerId, e.ConnectionPoolSettings.MaxConnections))
        .Subscribe<ConnectionPoolClosedEvent>(e => PoolClosed(e.ServerId));

    internal static void Command(string name, string outcome, TimeSpan duration) =>
        CommandDuration.Record(duration.TotalSeconds, new("db.operation.name", name), new("outcome", outcome));

    internal static void CheckedOut() => ConnectionsUsed.Add(1);

    internal static void CheckedIn() => ConnectionsUsed.Add(-1);

    internal static void PoolOpened(ServerId server, int maxConnections) => PoolSizes[server] = maxConnections;

    internal static void PoolClosed(ServerId server) => PoolSizes.TryRemove(server, out _);
}
