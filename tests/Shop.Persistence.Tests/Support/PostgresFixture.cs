namespace Shop.Persistence.Tests.Support;

/// <summary>
/// One PostgreSQL server for every PostgreSQL test. Where none can be started the tests are skipped
/// with the reason, unless SHOP_REQUIRE_ALL=1 (CI), where that is a failure.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer? Server { get; private set; }

    public string? Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        (Server, Unavailable) = await PostgresServer.StartAsync();
        if (Server is null && Environment.GetEnvironmentVariable("SHOP_REQUIRE_ALL") == "1")
        {
            throw new InvalidOperationException($"SHOP_REQUIRE_ALL=1 but no PostgreSQL server: {Unavailable}.");
        }

        if (Server is null)
        {
            Console.Error.WriteLine($"NOTICE: PostgreSQL tests are skipped: {Unavailable}.");
        }
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>Skips the calling test, with the reason, when there is no server; else a fresh database.</summary>
    public async Task<string> NewDatabase(string purpose)
    {
        Skip.If(Server is null, $"No PostgreSQL here: {Unavailable}.");
        return await Server!.CreateDatabaseAsync(purpose);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
