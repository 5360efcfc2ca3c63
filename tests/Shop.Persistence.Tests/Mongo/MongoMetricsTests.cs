using System.Diagnostics.Metrics;
using System.Net;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Servers;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>
/// Server-free: the shop's meter of MongoDB driver events. Every client the providers create
/// subscribes it (a real client's pool reaches it), and it records what /metrics exports. No MongoDB
/// server can run here, so command events of a real server are not raised in these tests.
/// </summary>
public sealed class MongoMetricsTests
{
    private const int TestPoolSize = 100_000;

    [Fact]
    public void Every_client_of_the_shop_subscribes_the_meter()
    {
        var settings = MongoSettings.Parse("mongodb://db/shop").ClientSettings("shop-silo", TimeSpan.FromSeconds(5));
        Assert.Equal((Action<MongoDB.Driver.Core.Configuration.ClusterBuilder>)MongoMetrics.Subscribe, settings.ClusterConfigurator);
    }

    [Fact]
    public void Commands_are_timed_by_name_and_outcome_and_pools_report_use_and_size()
    {
        var recorded = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MongoMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();

        var server = new ServerId(new ClusterId(), new DnsEndPoint("mongo-metrics-test", 27017));
        MongoMetrics.PoolOpened(server, TestPoolSize);
        MongoMetrics.Command("update", "success", TimeSpan.FromMilliseconds(12));
        MongoMetrics.Command("find", "failure", TimeSpan.FromMilliseconds(3));
        MongoMetrics.CheckedOut();
        MongoMetrics.CheckedIn();
        listener.RecordObservableInstruments();

        Assert.Contains(recorded, r => r.Instrument == "shop.mongodb.command.duration" && r.Value == 0.012
            && (string?)r.Tags["db.operation.name"] == "update" && (string?)r.Tags["outcome"] == "success");
        Assert.Contains(recorded, r => r.Instrument == "shop.mongodb.command.duration" && r.Value == 0.003
            && (string?)r.Tags["db.operation.name"] == "find" && (string?)r.Tags["outcome"] == "failure");
        Assert.Contains(recorded, r => r.Instrument == "shop.mongodb.connections.used" && r.Value == 1);
        Assert.Contains(recorded, r => r.Instrument == "shop.mongodb.connections.used" && r.Value == -1);
        Assert.Contains(recorded, r => r.Instrument == "shop.mongodb.connections.max" && r.Value >= TestPoolSize);

        // A closed pool no longer counts towards the maximum (the other tests' clients open pools of
        // their own, 100 connections each, so the sum is compared with this test's pool alone).
        recorded.Clear();
        MongoMetrics.PoolClosed(server);
        listener.RecordObservableInstruments();
        Assert.Contains(recorded, r => r.Instrument == "shop.mongodb.connections.max" && r.Value < TestPoolSize);

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (recorded)
            {
                recorded.Add((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));
            }
        }
    }

    [Fact]
    public async Task A_real_client_reports_its_pool_through_the_meter()
    {
        // No server listens on port 1: the driver still opens a pool for the server it was given,
        // and reports it through the subscription the shop's client settings carry.
        const int poolSize = 7_777;
        using var connection = new MongoConnection(
            MongoSettings.Parse($"mongodb://127.0.0.1:1/shop_metrics?maxPoolSize={poolSize}"), "shop-metrics-test", TimeSpan.FromSeconds(1));

        Assert.True(await Eventually(() => PoolMaximum() >= poolSize), "the client's pool was not reported");
    }

    private static long PoolMaximum()
    {
        long total = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MongoMetrics.MeterName && instrument.Name == "shop.mongodb.connections.max")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => total = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return total;
    }

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            if (condition())
            {
                return true;
            }
        }

        return condition();
    }
}
