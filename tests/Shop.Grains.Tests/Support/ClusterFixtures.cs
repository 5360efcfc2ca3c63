using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.TestingHost;
using Shop.Grains.Common;
using Shop.Grains.Users;
using Shop.Silo.Hosting;
using Shop.Silo.Notifications;

namespace Shop.Grains.Tests.Support;

/// <summary>An in-process cluster of three silos with the shop's grains on memory storage.</summary>
public class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        Configure(builder);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    protected virtual void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<DefaultRules>();

    private sealed class DefaultRules : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            SentNotifications.Register(silo.Services);
            TestReadModel.Register(silo.Services);
            // As on a database: accounts the previous release indexed under the address are looked for
            // (tests write such records into the memory storage themselves).
            silo.Services.AddSingleton<PreviousEmailIndex>(PreviousEmailIndex.InStorage);
            silo.AddShopMemoryPersistence().AddShopGrainServices();
        }
    }
}

/// <summary>The same cluster with a two-second payment deadline, one-second reminder retries and one quick delivery retry.</summary>
public sealed class ShortDeadlineClusterFixture : ClusterFixture
{
    public static readonly TimeSpan PaymentTimeout = TimeSpan.FromSeconds(2);

    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<ShortDeadlines>();

    private sealed class ShortDeadlines : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            SentNotifications.Register(silo.Services);
            TestReadModel.Register(silo.Services);
            silo.Services.AddSingleton(new NotificationRetryOptions(Attempts: 1, FirstDelay: TimeSpan.FromMilliseconds(10)));
            silo.AddShopMemoryPersistence().AddShopGrainServices();
            silo.Services.Configure<ShopRulesOptions>(o =>
            {
                o.PaymentTimeout = PaymentTimeout;
                o.RetryPeriod = TimeSpan.FromSeconds(1);
            });
            silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        }
    }
}

/// <summary>
/// The cluster with a clock the tests move (FakeTimeProvider): what the grains decide from the time
/// (an order read past its deadline, a late payment) is tested without waiting for it. Orleans'
/// reminders run on real time, so the reminder itself is tested on <see cref="ShortDeadlineClusterFixture"/>.
/// </summary>
public sealed class FakeClockClusterFixture : ClusterFixture
{
    public static readonly FakeTimeProvider Clock = new(DateTimeOffset.UtcNow);

    /// <summary>
    /// The silos' TimeProvider: the time of day from <see cref="Clock"/>, timers and stopwatches real.
    /// Orleans takes its timers from the same TimeProvider, and its reminder service never finished
    /// starting on FakeTimeProvider's timers, which only fire when a test advances the clock.
    /// </summary>
    private sealed class TimeOfDayFromClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();
    }

    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<FakeClock>();

    private sealed class FakeClock : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            SentNotifications.Register(silo.Services);
            TestReadModel.Register(silo.Services);
            silo.Services.AddSingleton<TimeProvider>(new TimeOfDayFromClock());
            silo.AddShopMemoryPersistence().AddShopGrainServices();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

[CollectionDefinition(Name)]
public sealed class ShortDeadlineCollection : ICollectionFixture<ShortDeadlineClusterFixture>
{
    public const string Name = "short-deadline cluster";
}

[CollectionDefinition(Name)]
public sealed class FakeClockCollection : ICollectionFixture<FakeClockClusterFixture>
{
    public const string Name = "fake-clock cluster";
}
