using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Shop.Silo.Configuration;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Silo.Commands;

/// <summary>
/// `Shop.Silo backup FILE` and `Shop.Silo restore FILE --yes`: the runbook's step before every
/// migration, with the database's own tools (pg_dump / pg_restore in custom format, mongodump /
/// mongorestore as a gzip archive). A backup never overwrites a file and appears under its name only
/// once complete; passwords go to the tools through their environment or a private file, never on a
/// command line or in the output.
/// </summary>
public static class BackupCommands
{
    public const string Backup = "backup";
    public const string Restore = "restore";
    public static readonly string[] Names = [Backup, Restore];

    public static async Task<int> RunAsync(string command, string[] args, IConfiguration config, TextWriter output, TextWriter error)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith('-'));
        if (file is null)
        {
            error.WriteLine($"usage: Shop.Silo {command} FILE{(command == Restore ? " --yes" : "")}");
            return 2;
        }

        if (CommandDatabase.Read(command, config, error) is not { } settings)
        {
            return 2;
        }

        var postgres = settings.Storage == StorageProvider.Postgres ? settings.PostgresConnection : null;
        var target = postgres is not null ? $"PostgreSQL {CommandDatabase.DescribePostgres(postgres)}" : $"MongoDB {MongoSettings.Parse(settings.MongoUri).Describe()}";
        if (command == Backup && File.Exists(file))
        {
            error.WriteLine($"error: {file} exists; a backup never overwrites one. Choose a new name.");
            return 2;
        }

        if (command == Restore && !File.Exists(file))
        {
            error.WriteLine($"error: {file} does not exist.");
            return 2;
        }

        if (command == Restore && !args.Contains("--yes"))
        {
            error.WriteLine($"error: restore replaces the shop's data in {target} with {file}. Stop every silo and API node, then run it again with --yes.");
            return 2;
        }

        output.WriteLine($"{command}: {target} {(command == Backup ? "->" : "<-")} {file}");

        // A backup is written beside its name and renamed once complete.
        var written = command == Backup ? file + ".partial" : file;
        var tool = postgres is not null ? PostgresTool(command, postgres, written) : MongoTool(command, settings.MongoUri!, written);
        int exit;
        try
        {
            exit = await RunToolAsync(tool, output, error);
        }
        finally
        {
            tool.Cleanup?.Invoke();
        }

        if (exit != 0)
        {
            if (command == Backup)
            {
                File.Delete(written);
            }

            error.WriteLine($"error: {tool.Program} exited with {exit}; {(command == Backup ? "no backup was written" : "the restore did not complete: run it again")}.");
            return 1;
        }

        if (command == Backup)
        {
            File.Move(written, file);
            output.WriteLine($"{command}: done, {new FileInfo(file).Length:N0} bytes in {file}");
        }
        else
        {
            output.WriteLine($"{command}: done. Run `Shop.Silo migrate` before starting the silos if the backup is from an older version.");
        }

        return 0;
    }

    private sealed record Tool(string Program, string[] Arguments, Dictionary<string, string> Environment, Action? Cleanup = null);

    private static Tool PostgresTool(string command, string connectionString, string file)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = c.Host ?? "localhost",
            ["PGPORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGDATABASE"] = c.Database ?? "",
            ["PGUSER"] = c.Username ?? "",
            ["PGPASSWORD"] = c.Password ?? "",
        };
        return command == Backup
            ? new Tool("pg_dump", ["--format=custom", "--verbose", $"--file={file}"], environment)
            : new Tool("pg_restore", ["--verbose", "--clean", "--if-exists", "--no-owner", "--single-transaction", $"--dbname={c.Database}", file], environment);
    }

    // Written only right before the tool runs, and removed after it, whatever happens.
    private static Tool MongoTool(string command, string uri, string file)
    {
        var settings = MongoSettings.Parse(uri);

        // The URI (with its password) goes in a file only this user can read, not on the command line.
        var config = Path.Combine(Path.GetTempPath(), $"shop-{command}-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(config, $"uri: \"{uri.Replace("\"", "\\\"", StringComparison.Ordinal)}\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // The URI names the database, or the shop's default one is meant.
        string[] database = string.IsNullOrEmpty(settings.Url.DatabaseName) ? [$"--db={settings.DatabaseName}"] : [];
        string[] arguments = command == Backup
            ? [$"--config={config}", .. database, $"--archive={file}", "--gzip"]
            : [$"--config={config}", $"--nsInclude={settings.DatabaseName}.*", $"--archive={file}", "--gzip", "--drop"];
        return new Tool(command == Backup ? "mongodump" : "mongorestore", arguments, [], () => File.Delete(config));
    }

    // The tools' progress lines (pg_dump --verbose: "pg_dump: dumping contents of table ...") are passed on as they come.
    private static async Task<int> RunToolAsync(Tool tool, TextWriter output, TextWriter error)
    {
        var start = new ProcessStartInfo(tool.Program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in tool.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in tool.Environment)
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool.Program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            error.WriteLine($"error: {tool.Program} is not installed here. Install the database's client tools (postgresql-client, or mongodb-database-tools) of the server's major version or newer.");
            return 127;
        }

        using (process)
        {
            var lines = Task.WhenAll(Forward(process.StandardError, output), Forward(process.StandardOutput, output));
            await process.WaitForExitAsync();
            await lines;
            return process.ExitCode;
        }
    }

    private static async Task Forward(StreamReader from, TextWriter to)
    {
        while (await from.ReadLineAsync() is { } line)
        {
            to.WriteLine($"  {line}");
        }
    }
}
