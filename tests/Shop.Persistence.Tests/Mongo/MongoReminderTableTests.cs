using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>Against a MongoDB server (see <see cref="MongoFixture"/>); skipped without one.</summary>
[Collection(MongoCollection.Name)]
public sealed class MongoReminderTableTests(MongoFixture mongo) : ReminderTableContract
{
    protected override MongoConnection NewConnection() => mongo.NewConnection("reminders");
}

/// <summary>Against the in-memory model of MongoDB's operators: runs everywhere.</summary>
public sealed class EmulatedMongoReminderTableTests : ReminderTableContract
{
    protected override MongoConnection NewConnection() => new Emulation.InMemoryMongoConnection();
}

/// <summary>Orleans' reminder table contract: etags, reads by grain and by hash range (with wrap-around), services kept apart.</summary>
public abstract class ReminderTableContract : IDisposable
{
    private MongoConnection? _connection;

    /// <summary>A connection to an empty database, or a skip.</summary>
    protected abstract MongoConnection NewConnection();

    public void Dispose() => _connection?.Dispose();

    [SkippableFact]
    public async Task A_reminder_reads_back_and_is_removed_only_with_its_current_etag()
    {
        var table = NewTable("svc");
        var reminder = Reminder(NewGrain(), "payment-deadline");
        var first = await table.UpsertRow(reminder);

        var read = await table.ReadRow(reminder.GrainId, reminder.ReminderName);
        Assert.NotNull(read);
        Assert.Equal(first, read.ETag);
        Assert.Equal(reminder.StartAt, read.StartAt);
        Assert.Equal(reminder.Period, read.Period);

        var second = await table.UpsertRow(reminder);
        Assert.NotEqual(first, second);
        Assert.False(await table.RemoveRow(reminder.GrainId, reminder.ReminderName, first!));
        Assert.False(await table.RemoveRow(reminder.GrainId, "other", second!));
        Assert.True(await table.RemoveRow(reminder.GrainId, reminder.ReminderName, second!));
        Assert.False(await table.RemoveRow(reminder.GrainId, reminder.ReminderName, second!));
        Assert.Null(await table.ReadRow(reminder.GrainId, reminder.ReminderName));
    }

    [SkippableFact]
    public async Task Concurrent_upserts_of_one_reminder_leave_one_row_and_distinct_etags()
    {
        var table = NewTable("svc");
        var reminder = Reminder(NewGrain(), "r");
        var etags = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => table.UpsertRow(reminder)));
        Assert.Equal(8, etags.Distinct().Count());
        Assert.Single((await table.ReadRows(reminder.GrainId)).Reminders);
    }

    [SkippableFact]
    public async Task Reads_by_grain_and_by_hash_range_including_ranges_that_wrap()
    {
        var table = NewTable("svc");
        var grains = Enumerable.Range(0, 60).Select(_ => NewGrain()).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Reminder(grain, "a"));
        }

        await table.UpsertRow(Reminder(grains[0], "b"));
        Assert.Equal(2, (await table.ReadRows(grains[0])).Reminders.Count);
        Assert.Equal(61, (await table.ReadRows(0, uint.MaxValue)).Reminders.Count);
        Assert.Equal(61, (await table.ReadRows(0, 0)).Reminders.Count);

        var hashes = grains.Select(g => g.GetUniformHashCode()).Append(grains[0].GetUniformHashCode()).ToList();
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            var (begin, end) = ((uint)random.NextInt64(0, uint.MaxValue), (uint)random.NextInt64(0, uint.MaxValue));
            var expected = hashes.Where(h => begin < end ? h > begin && h <= end : h > begin || h <= end).Order();
            var actual = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order();
            Assert.Equal(expected, actual);
        }
    }

    [SkippableFact]
    public async Task Services_are_kept_apart_and_clearing_clears_one_service()
    {
        _connection = NewConnection();
        var mine = new MongoReminderTable(_connection, Service("mine"));
        var theirs = new MongoReminderTable(_connection, Service("theirs"));
        var grain = NewGrain();
        await mine.UpsertRow(Reminder(grain, "r"));
        await theirs.UpsertRow(Reminder(grain, "r"));

        await mine.TestOnlyClearTable();

        Assert.Empty((await mine.ReadRows(grain)).Reminders);
        Assert.Single((await theirs.ReadRows(0, 0)).Reminders);
    }

    private MongoReminderTable NewTable(string serviceId)
    {
        _connection ??= NewConnection();
        return new MongoReminderTable(_connection, Service(serviceId));
    }

    private static IOptions<ClusterOptions> Service(string serviceId) => Options.Create(new ClusterOptions { ClusterId = "c", ServiceId = serviceId });

    private static GrainId NewGrain() => GrainId.Create("order", Guid.NewGuid().ToString("N"));

    private static ReminderEntry Reminder(GrainId grain, string name)
    {
        var now = DateTime.UtcNow;
        return new ReminderEntry
        {
            GrainId = grain,
            ReminderName = name,
            StartAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc),
            Period = TimeSpan.FromMinutes(1),
        };
    }
}
