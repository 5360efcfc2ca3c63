using Microsoft.Extensions.Configuration;
using Npgsql;
using Shop.Silo.Migrations;

namespace Shop.Persistence.Tests.Migrations;

[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationTests(PostgresFixture postgres)
{
    private static readonly string[] OrleansTables =
        ["orleansquery", "orleansmembershipversiontable", "orleansmembershiptable", "orleansstorage", "orleansreminderstable"];

    [SkippableFact]
    public async Task Migrate_creates_every_table_and_query_the_providers_call_and_is_safe_to_run_twice()
    {
        var connection = await postgres.NewDatabase("migrate");
        var log = new StringWriter();
        var migrator = new PostgresMigrator(connection, log);

        Assert.Equal(PostgresMigrator.All.Count, await migrator.MigrateAsync());
        Assert.Equal(0, await migrator.MigrateAsync());

        Assert.Equal(OrleansTables.Order(), (await Tables(connection)).Where(t => t.StartsWith("orleans")).Order());
        Assert.Equal(21, await Scalar<long>(connection, "SELECT count(*) FROM orleansquery"));
        Assert.Contains("CleanupDefunctSiloEntryKey", await Strings(connection, "SELECT querykey FROM orleansquery"));
        Assert.Equal(PostgresMigrator.All.Select(m => m.Version), await migrator.AppliedVersionsAsync());
        Assert.Contains("Applying 0001", log.ToString());
        Assert.Contains("nothing to apply", log.ToString());
    }

    [SkippableFact]
    public async Task Rollback_undoes_one_step_at_a_time_and_migrate_reapplies_them()
    {
        var connection = await postgres.NewDatabase("rollback");
        var migrator = new PostgresMigrator(connection, TextWriter.Null);
        await migrator.MigrateAsync();

        Assert.Equal(8, await migrator.RollbackAsync());
        Assert.Contains("ix_shop_orders_number", await Indexes(connection, "shop_orders"));
        Assert.DoesNotContain("ix_shop_orders_number_cover", await Indexes(connection, "shop_orders"));

        Assert.Equal(7, await migrator.RollbackAsync());
        Assert.DoesNotContain("shop_reviews", await Tables(connection));
        Assert.DoesNotContain("shop_review_votes", await Tables(connection));
        Assert.Contains("shop_order_lines", await Tables(connection));

        Assert.Equal(6, await migrator.RollbackAsync());
        Assert.DoesNotContain("shop_order_lines", await Tables(connection));
        Assert.Contains("shop_orders", await Tables(connection));

        Assert.Equal(5, await migrator.RollbackAsync());
        Assert.DoesNotContain("shop_orders", await Tables(connection));
        Assert.Contains("orleansreminderstable", await Tables(connection));

        Assert.Equal(4, await migrator.RollbackAsync());
        Assert.DoesNotContain("orleansreminderstable", await Tables(connection));
        Assert.Contains("orleansstorage", await Tables(connection));
        Assert.Equal(14, await Scalar<long>(connection, "SELECT count(*) FROM orleansquery"));

        while (await migrator.RollbackAsync() > 0)
        {
        }

        Assert.DoesNotContain(await Tables(connection), t => t.StartsWith("orleans"));
        Assert.Empty(await Strings(connection, "SELECT proname::text FROM pg_proc JOIN pg_namespace n ON n.oid = pronamespace WHERE nspname = 'public'"));
        Assert.Empty(await migrator.AppliedVersionsAsync());

        Assert.Equal(PostgresMigrator.All.Count, await migrator.MigrateAsync());
        Assert.Equal(21, await Scalar<long>(connection, "SELECT count(*) FROM orleansquery"));
        Assert.Contains("shop_orders", await Tables(connection));
        Assert.Contains("shop_order_lines", await Tables(connection));
        Assert.Contains("shop_reviews", await Tables(connection));
        Assert.Contains("ix_shop_orders_number_cover", await Indexes(connection, "shop_orders"));
        Assert.DoesNotContain("ix_shop_orders_number", await Indexes(connection, "shop_orders"));
    }

    [SkippableFact]
    public async Task Concurrent_runners_apply_each_step_once()
    {
        var connection = await postgres.NewDatabase("concurrent");
        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new PostgresMigrator(connection, TextWriter.Null).MigrateAsync()));
        Assert.Equal(PostgresMigrator.All.Count, applied.Sum());
    }

    [SkippableFact]
    public async Task Migrate_against_an_unreachable_server_fails_clearly_and_names_no_password()
    {
        Skip.If(postgres.Server is null, "No PostgreSQL here.");
        var output = new StringWriter();
        var error = new StringWriter();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["POSTGRES_CONNECTION"] = "Host=127.0.0.1;Port=1;Username=shop;Password=hunter2-secret;Database=shop;Timeout=3",
        }).Build();

        var exit = await MigrationCommands.RunAsync("migrate", config, output, error);

        Assert.Equal(1, exit);
        Assert.Contains("cannot reach PostgreSQL 127.0.0.1:1/shop", error.ToString());
        Assert.DoesNotContain("hunter2", output.ToString() + error.ToString());
    }

    private static async Task<List<string>> Tables(string connection) =>
        await Strings(connection, "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'");

    private static async Task<List<string>> Indexes(string connection, string table) =>
        await Strings(connection, $"SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public' AND tablename = '{table}'");

    private static async Task<List<string>> Strings(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<T> Scalar<T>(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
