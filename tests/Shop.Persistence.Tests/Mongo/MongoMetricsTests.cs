using System.Diagnostics.Metrics;
using System.Net;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Servers;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>
/// Server-free: the shop's meter of MongoDB driver events. Every client the providers create
/// subscribes it, and what it records is what /metrics exports (no MongoDB server can run here,
/// so the driver's events are not raised by a real server in these tests).
/// </summary>
public sealed class MongoMetricsTests
{
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
        MongoMetrics.PoolOpened(server, 42);
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
        Assert.Contains(recorded, r => r.Instrument == "shop.mongodb.connections.max" && r.Value >= 42);

        // A closed pool no longer counts towards the maximum.
        recorded.Clear();
        MongoMetrics.PoolClosed(server);
        listener.RecordObservableInstruments();
        Assert.DoesNotContain(recorded, r => r.Instrument == "shop.mongodb.connections.max" && r.Value >= 42);

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (recorded)
            {
                recorded.Add((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));
            }
        }
    }
}
