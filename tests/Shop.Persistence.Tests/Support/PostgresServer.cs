using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Shop.Persistence.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server in a temporary folder, on a free loopback port, started from the
/// Debian binaries (as the postgres user when the tests run as root). SHOP_TEST_POSTGRES, an admin
/// connection string, uses an existing server instead.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string? _dataDir;
    private readonly string? _binDir;
    private readonly bool _asPostgresUser;

    private PostgresServer(string adminConnectionString, string? dataDir, string? binDir, bool asPostgresUser)
    {
        AdminConnectionString = adminConnectionString;
        _dataDir = dataDir;
        _binDir = binDir;
        _asPostgresUser = asPostgresUser;
    }

    public string AdminConnectionString { get; }

    /// <summary>The server, or the reason none could be had here.</summary>
    public static async Task<(PostgresServer? Server, string? Unavailable)> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("SHOP_TEST_POSTGRES") is { Length: > 0 } existing)
        {
            return (new PostgresServer(existing, null, null, false), null);
        }

        var binDir = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (binDir is null)
        {
            return (null, "PostgreSQL is not installed (apt-get install postgresql), and SHOP_TEST_POSTGRES is not set");
        }

        var asPostgresUser = Environment.UserName == "root";
        if (asPostgresUser && !File.ReadAllText("/etc/passwd").Contains("\npostgres:", StringComparison.Ordinal))
        {
            return (null, "running as root but there is no 'postgres' user to run the server as");
        }

        var root = Path.Combine(Path.GetTempPath(), "shop-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var server = new PostgresServer("", Path.Combine(root, "data"), binDir, asPostgresUser);
        if (asPostgresUser)
        {
            await ProcessRunner.Run("chown", ["postgres:postgres", root], TimeSpan.FromSeconds(10));
        }

        var port = FreePort();
        await server.Pg("initdb", ["-D", server._dataDir!, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], TimeSpan.FromMinutes(2));
        await server.Pg("pg_ctl", ["-D", server._dataDir!, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {root} -c fsync=off -c max_connections=200", "start"], TimeSpan.FromMinutes(2));
        return (new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false", server._dataDir, binDir, asPostgresUser), null);
    }

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"shop_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataDir is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await Pg("pg_ctl", ["-D", _dataDir, "-m", "immediate", "-w", "stop"], TimeSpan.FromMinutes(1));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(_dataDir)!, recursive: true);
        }
    }

    private Task<string> Pg(string tool, string[] args, TimeSpan timeout) =>
        _asPostgresUser
            ? ProcessRunner.Run("runuser", ["-u", "postgres", "--", Path.Combine(_binDir!, tool), .. args], timeout)
            : ProcessRunner.Run(Path.Combine(_binDir!, tool), args, timeout);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
