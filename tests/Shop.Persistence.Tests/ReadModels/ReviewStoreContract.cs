using Npgsql;
using Shop.Grains.Reviews;
using Shop.Persistence.Tests.Mongo;
using Shop.Silo.Migrations;
using Shop.Silo.Persistence.Mongo;
using Shop.Silo.ReadModels;

namespace Shop.Persistence.Tests.ReadModels;

public sealed class MemoryReviewStoreTests : ReviewStoreContract
{
    protected override Task<IReviewStore> CreateAsync() => Task.FromResult<IReviewStore>(new MemoryReviewStore());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresReviewStoreTests(PostgresFixture postgres) : ReviewStoreContract
{
    protected override async Task<IReviewStore> CreateAsync()
    {
        var connection = await postgres.NewDatabase("reviews");
        await new PostgresMigrator(connection, TextWriter.Null).MigrateAsync();
        return new PostgresReviewStore(NpgsqlDataSource.Create(connection));
    }
}

[Collection(MongoCollection.Name)]
public sealed class MongoReviewStoreTests(MongoFixture mongo) : ReviewStoreContract
{
    protected override async Task<IReviewStore> CreateAsync()
    {
        var connection = new MongoConnection(MongoSettings.Parse(mongo.NewDatabaseUri("reviews")), "shop-tests", TimeSpan.FromSeconds(10));
        await new MongoMigrator(connection.Database, TextWriter.Null, "shop").MigrateAsync();
        return new MongoReviewStore(connection);
    }
}

/// <summary>Every review store pages, sorts, counts and votes alike (memory, PostgreSQL, MongoDB).</summary>
public abstract class ReviewStoreContract
{
    private const string Product = "p0000000000000000000000000000001";
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    protected abstract Task<IReviewStore> CreateAsync();

    [SkippableFact]
    public async Task Reviews_page_in_each_order_and_hidden_ones_only_for_moderation()
    {
        var store = await CreateAsync();
        // Ratings 1..5 written an hour apart; the 3-star one is hidden.
        foreach (var n in Enumerable.Range(1, 5))
        {
            await store.Save(Review($"o{n}", rating: n, at: T0.AddHours(n), hidden: n == 3));
        }

        await store.Save(Review("o9", rating: 5, at: T0, product: "p0000000000000000000000000000002"));

        var newest = await store.ForProduct(Product, ReviewSort.Newest, 0, 10);
        Assert.Equal(4, newest.Total);
        Assert.Equal([5, 4, 2, 1], newest.Items.Select(r => r.Rating));
        Assert.Equal([4, 2], (await store.ForProduct(Product, ReviewSort.Newest, 1, 2)).Items.Select(r => r.Rating));
        Assert.Equal([1, 2, 4, 5], (await store.ForProduct(Product, ReviewSort.RatingAsc, 0, 10)).Items.Select(r => r.Rating));
        Assert.Equal([5, 4, 2, 1], (await store.ForProduct(Product, ReviewSort.RatingDesc, 0, 10)).Items.Select(r => r.Rating));
        Assert.Equal(5, (await store.ForProduct(Product, ReviewSort.Newest, 0, 10, includeHidden: true)).Total);
        Assert.Equal(new[] { 1, 1, 0, 1, 1 }, await store.Distribution(Product));

        var hidden = (await store.Latest(hidden: true, 0, 10)).Items.Single();
        Assert.Equal((3, "spam", T0.AddDays(1)), (hidden.Rating, hidden.HiddenReason, hidden.HiddenAt));
        Assert.Equal(6, (await store.Latest(hidden: null, 0, 10)).Total);
        Assert.Equal("o9", (await store.Latest(hidden: false, 0, 10)).Items[^1].OrderId);
        Assert.Equal(["o2"], (await store.ForOrder("o2")).Select(r => r.OrderId));
    }

    [SkippableFact]
    public async Task Votes_count_once_per_shopper_and_survive_edits()
    {
        var store = await CreateAsync();
        var older = Review("o1", rating: 4, at: T0);
        var newer = Review("o2", rating: 4, at: T0.AddHours(1));
        await store.Save(older);
        await store.Save(newer);

        Assert.Equal(1, await store.Vote(older.Id, "u-a"));
        Assert.Equal(1, await store.Vote(older.Id, "u-a"));
        Assert.Equal(2, await store.Vote(older.Id, "u-b"));
        Assert.Null(await store.Vote("o404.p404", "u-a"));

        // Editing (the grain saves the whole review) keeps the votes the store counted.
        await store.Save(older with { Rating = 2, Text = "改了", UpdatedAt = T0.AddDays(2) });
        var edited = (await store.Find(older.Id))!;
        Assert.Equal((2, "改了", 2, T0.AddDays(2)), (edited.Rating, edited.Text, edited.Helpful, edited.UpdatedAt));
        Assert.Equal([older.Id, newer.Id], (await store.ForProduct(Product, ReviewSort.Helpful, 0, 10)).Items.Select(r => r.Id));

        // A deleted review takes its votes with it: written again, it starts from none.
        await store.Delete(older.Id);
        await store.Delete(older.Id);
        Assert.Null(await store.Find(older.Id));
        await store.Save(older);
        Assert.Equal(0, (await store.Find(older.Id))!.Helpful);
        Assert.Equal(1, await store.Vote(older.Id, "u-a"));
    }

    private static Review Review(string orderId, int rating, DateTimeOffset at, bool hidden = false, string product = Product) => new(
        ReviewRules.IdOf(orderId, product), product, "保温杯 Thermos", orderId, "u-" + orderId, "王**", rating,
        rating == 1 ? null : $"{rating} 星\n第二行", at, at, Hidden: hidden, HiddenReason: hidden ? "spam" : null, HiddenAt: hidden ? T0.AddDays(1) : null);
}
