using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace Shop.Silo.Migrations;

/// <summary>
/// Applies and undoes the versioned SQL steps embedded in this assembly, recording each applied
/// step in <c>shop_schema_migrations</c>. A step runs whole, in one transaction with its record,
/// and an advisory lock keeps two runners from interleaving.
/// </summary>
public sealed partial class PostgresMigrator(string connectionString, TextWriter output) : ISchemaMigrator
{
    public static IReadOnlyList<Migration> All { get; } = Discover();

    public IEnumerable<(int Version, string Name)> Steps => All.Select(m => (m.Version, m.Name));

    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await LockedSession.OpenAsync(connectionString, cancellationToken);
        var connection = session.Connection;
        var applied = await AppliedAsync(connection, cancellationToken);
        var pending = All.Where(m => !applied.Contains(m.Version)).ToList();
        if (pending.Count == 0)
        {
            output.WriteLine($"Database is up to date (version {applied.DefaultIfEmpty(0).Max():D4}); nothing to apply.");
            return 0;
        }

        foreach (var migration in pending)
        {
            output.Write($"Applying {migration.Version:D4} {migration.Name} ... ");
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, migration.Up, cancellationToken);
            await ExecuteAsync(connection, "INSERT INTO shop_schema_migrations (version, name) VALUES (@v, @n)", cancellationToken,
                ("v", migration.Version), ("n", migration.Name));
            await transaction.CommitAsync(cancellationToken);
            output.WriteLine("done");
        }

        output.WriteLine($"Applied {pending.Count} step(s); database is at version {pending[^1].Version:D4}.");
        return pending.Count;
    }

    /// <summary>Undoes the newest applied step; returns its version, or 0 when nothing was applied.</summary>
    public async Task<int> RollbackAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await LockedSession.OpenAsync(connectionString, cancellationToken);
        var connection = session.Connection;
        var applied = await AppliedAsync(connection, cancellationToken);
        if (applied.Count == 0)
        {
            output.WriteLine("No migration is applied; nothing to roll back.");
            return 0;
        }

        var newest = applied.Max();
        var migration = All.SingleOrDefault(m => m.Version == newest)
            ?? throw new InvalidOperationException($"The database is at version {newest:D4}, which this build does not know; roll back with the build that applied it.");
        output.Write($"Rolling back {migration.Version:D4} {migration.Name} ... ");
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, migration.Down, cancellationToken);
        await ExecuteAsync(connection, "DELETE FROM shop_schema_migrations WHERE version = @v", cancellationToken, ("v", migration.Version));
        await transaction.CommitAsync(cancellationToken);
        output.WriteLine("done");
        var previous = applied.Where(v => v < newest).DefaultIfEmpty(0).Max();
        output.WriteLine($"Database is at version {previous:D4}.");
        return newest;
    }

    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await LockedSession.OpenAsync(connectionString, cancellationToken);
        var connection = session.Connection;
        return (await AppliedAsync(connection, cancellationToken)).Order().ToList();
    }

    private static async Task<HashSet<int>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM shop_schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        // A script goes to the server whole: its functions are dollar-quoted and contain semicolons.
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> Discover()
    {
        var assembly = typeof(PostgresMigrator).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Select(name => (Name: name, Match: ScriptName().Match(name)))
            .Where(s => s.Match.Success)
            .ToList();
        return scripts
            .GroupBy(s => (Version: int.Parse(s.Match.Groups["version"].Value), Name: s.Match.Groups["name"].Value))
            .Select(g => new Migration(g.Key.Version, g.Key.Name,
                Read(assembly, g.Single(s => s.Match.Groups["direction"].Value == "up").Name),
                Read(assembly, g.Single(s => s.Match.Groups["direction"].Value == "down").Name)))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^migrations/Postgres/(?<version>\d{4})_(?<name>[a-z0-9_]+)\.(?<direction>up|down)\.sql$")]
    private static partial Regex ScriptName();
}

public sealed record Migration(int Version, string Name, string Up, string Down);

/// <summary>
/// A connection holding the migrations lock. The lock is released explicitly: a pooled connection
/// outlives its Close, and with it a session lock.
/// </summary>
internal sealed class LockedSession : IAsyncDisposable
{
    private const long LockKey = 0x5340_5F4D_4947; // "SHOP_MIG"

    private LockedSession(NpgsqlConnection connection) => Connection = connection;

    public NpgsqlConnection Connection { get; }

    public static async Task<LockedSession> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var wait = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", connection) { CommandTimeout = 0 })
        {
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var create = new NpgsqlCommand("""
            CREATE TABLE IF NOT EXISTS shop_schema_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new LockedSession(connection);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", Connection);
            await unlock.ExecuteNonQueryAsync();
        }
        finally
        {
            await Connection.DisposeAsync();
        }
    }
}
