using Microsoft.Extensions.Configuration;
using Npgsql;
using Shop.Silo.Commands;
using Shop.Silo.Migrations;

namespace Shop.Persistence.Tests.Operations;

/// <summary>
/// `Shop.Silo backup` and `restore` on a real PostgreSQL with pg_dump / pg_restore: the data comes back,
/// a backup never overwrites, a restore needs --yes, and the password is never printed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BackupCommandTests(PostgresFixture postgres) : IDisposable
{
    private const string Password = "hunter2-backup-secret";
    private readonly string _folder = Directory.CreateTempSubdirectory("shop-backup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public async Task A_backup_brings_the_data_back_never_overwrites_and_a_restore_needs_yes()
    {
        var database = await postgres.NewDatabase("backup");
        await new PostgresMigrator(database, TextWriter.Null).MigrateAsync();
        await Execute(database, "CREATE TABLE backup_probe (note text); INSERT INTO backup_probe VALUES ('before the migration')");
        // The test server trusts local users; the password still reaches pg_dump, and must not be printed.
        var config = Config(new NpgsqlConnectionStringBuilder(database) { Password = Password }.ConnectionString);
        var file = Path.Combine(_folder, "shop.dump");

        var (exit, output, error) = await Run(config, "backup", file);
        Assert.True(exit == 0, output + error);
        Assert.Equal("PGDMP"u8.ToArray(), File.ReadAllBytes(file)[..5]);
        Assert.Contains("dumping contents of table", output);
        Assert.False(File.Exists(file + ".partial"));

        (exit, _, error) = await Run(config, "backup", file);
        Assert.Equal(2, exit);
        Assert.Contains("never overwrites", error);

        await Execute(database, "DELETE FROM backup_probe; DROP TABLE orleansstorage");
        (exit, _, error) = await Run(config, "restore", file);
        Assert.Equal(2, exit);
        Assert.Contains("--yes", error);

        string restoreOutput;
        (exit, restoreOutput, error) = await Run(config, "restore", file, "--yes");
        Assert.True(exit == 0, restoreOutput + error);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        Assert.Equal("before the migration", await new NpgsqlCommand("SELECT note FROM backup_probe", connection).ExecuteScalarAsync());
        Assert.Equal(0L, await new NpgsqlCommand("SELECT count(*) FROM orleansstorage", connection).ExecuteScalarAsync());
        Assert.Equal(PostgresMigrator.All.Select(m => m.Version), await new PostgresMigrator(database, TextWriter.Null).AppliedVersionsAsync());

        Assert.DoesNotContain(Password, output + restoreOutput + error);
    }

    [SkippableFact]
    public async Task A_failed_backup_leaves_no_file_that_looks_complete()
    {
        var database = await postgres.NewDatabase("backup_fail");
        var config = Config(new NpgsqlConnectionStringBuilder(database) { Database = "no_such_database" }.ConnectionString);
        var file = Path.Combine(_folder, "broken.dump");

        var (exit, _, error) = await Run(config, "backup", file);

        Assert.Equal(1, exit);
        Assert.Contains("no backup was written", error);
        Assert.False(File.Exists(file));
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public async Task A_MongoDB_backup_leaves_no_file_with_the_password_behind()
    {
        // The URI goes to mongodump in a private temporary file: not when the command refuses, and not after it ran.
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MONGO_URI"] = $"mongodb://shop:{Password}@127.0.0.1:1/shop" }).Build();
        var existing = Path.Combine(_folder, "existing.archive.gz");
        await File.WriteAllTextAsync(existing, "an earlier backup");
        var before = PasswordFiles();

        Assert.Equal(2, (await Run(config, "backup", existing)).Exit);
        Assert.Equal(2, (await Run(config, "restore", existing)).Exit); // no --yes
        var (exit, output, error) = await Run(config, "backup", Path.Combine(_folder, "new.archive.gz"));

        Assert.NotEqual(0, exit); // mongodump is not installed here, or finds no server: either way it fails
        Assert.Equal(before, PasswordFiles());
        Assert.DoesNotContain(Password, output + error);
        Assert.False(File.Exists(Path.Combine(_folder, "new.archive.gz")));
    }

    private static string[] PasswordFiles() => [.. Directory.GetFiles(Path.GetTempPath(), "shop-*.yaml").Order()];

    private static IConfiguration Config(string connection) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["POSTGRES_CONNECTION"] = connection }).Build();

    private static async Task<(int Exit, string Output, string Error)> Run(IConfiguration config, string command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await BackupCommands.RunAsync(command, args, config, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task Execute(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
    }
}
