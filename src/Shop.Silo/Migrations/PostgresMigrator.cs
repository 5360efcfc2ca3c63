using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace Shop.Silo.Migrations;

/// <summary>
/// Applies and undoes the versioned SQL steps embedded in this assembly, recording each applied
/// step in <c>shop_schema_migrations</c>. A step runs whole, in one transaction with its record,
/// and an advisory lock keeps two runners from interleaving.
/// </summary>
public sealed partial class PostgresMigrator(string connectionString, TextWriter output)
    : SchemaMigrator<Migration, LockedSession>(output)
{
    public static IReadOnlyList<Migration> All { get; } = Discover();

    protected override IReadOnlyList<Migration> Known => All;

    protected override Task<LockedSession> LockAsync(CancellationToken cancellationToken) =>
        LockedSession.OpenAsync(connectionString, cancellationToken);

    protected override async Task<IReadOnlyCollection<int>> AppliedAsync(LockedSession session, CancellationToken cancellationToken) =>
        await AppliedAsync(session.Connection, cancellationToken);

    protected override async Task ApplyAsync(LockedSession session, Migration step, CancellationToken cancellationToken)
    {
        await using var transaction = await session.Connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(session.Connection, step.Up, cancellationToken);
        await ExecuteAsync(session.Connection, "INSERT INTO shop_schema_migrations (version, name) VALUES (@v, @n)", cancellationToken,
            ("v", step.Version), ("n", step.Name));
        await transaction.CommitAsync(cancellationToken);
    }

    protected override async Task UndoAsync(LockedSession session, Migration step, CancellationToken cancellationToken)
    {
        await using var transaction = await session.Connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(session.Connection, step.Down, cancellationToken);
        await ExecuteAsync(session.Connection, "DELETE FROM shop_schema_migrations WHERE version = @v", cancellationToken, ("v", step.Version));
        await transaction.CommitAsync(cancellationToken);
    }

    public override async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await LockAsync(cancellationToken);
        return (await AppliedAsync(session.Connection, cancellationToken)).Order().ToList();
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

public sealed record Migration(int Version, string Name, string Up, string Down) : IMigrationStep;

/// <summary>
/// A connection holding the migrations lock. The lock is released explicitly: a pooled connection
/// outlives its Close, and with it a session lock.
/// </summary>
public sealed class LockedSession : IAsyncDisposable
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
