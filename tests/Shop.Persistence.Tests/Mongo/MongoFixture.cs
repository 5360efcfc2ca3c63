using MongoDB.Driver;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>
/// The MongoDB server the server tests run against: SHOP_TEST_MONGO_URI, else MONGO_URI. Without one
/// they are skipped with a notice, also under SHOP_REQUIRE_ALL=1: no MongoDB server can run on the
/// CI machines. Every test gets a database of its own (<c>shoptest_…</c>), dropped at the end; the
/// URI's own database is never touched.
/// </summary>
public sealed class MongoFixture : IAsyncLifetime
{
    private readonly List<string> _databases = [];

    public string? BaseUri { get; } =
        Blank(Environment.GetEnvironmentVariable("SHOP_TEST_MONGO_URI")) ?? Blank(Environment.GetEnvironmentVariable("MONGO_URI"));

    public const string Unavailable = "no MongoDB server given: set SHOP_TEST_MONGO_URI (or MONGO_URI), e.g. mongodb://localhost:27017";

    public Task InitializeAsync()
    {
        if (BaseUri is null)
        {
            Console.Error.WriteLine($"NOTICE: MongoDB server tests are skipped: {Unavailable}. The server-free MongoDB unit tests still run.");
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (BaseUri is null || _databases.Count == 0)
        {
            return;
        }

        using var client = new MongoClient(MongoSettings.Parse(BaseUri).ClientSettings("shop-tests", TimeSpan.FromSeconds(5)));
        foreach (var database in _databases)
        {
            await client.DropDatabaseAsync(database);
        }
    }

    /// <summary>Skips the calling test when there is no server; else the URI of a fresh database.</summary>
    public string NewDatabaseUri(string purpose)
    {
        Skip.If(BaseUri is null, $"MongoDB server test skipped: {Unavailable}.");
        var database = $"shoptest_{purpose}_{Guid.NewGuid():N}"[..40];
        lock (_databases)
        {
            _databases.Add(database);
        }

        return MongoSettings.WithDatabase(BaseUri!, database);
    }

    /// <summary>A connection to a fresh database (the caller disposes it).</summary>
    public MongoConnection NewConnection(string purpose) =>
        new(MongoSettings.Parse(NewDatabaseUri(purpose)), "shop-tests", TimeSpan.FromSeconds(10));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

[CollectionDefinition(Name)]
public sealed class MongoCollection : ICollectionFixture<MongoFixture>
{
    public const string Name = "mongo";
}
