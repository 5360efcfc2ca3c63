using System.Collections.Concurrent;
using System.Diagnostics;

namespace Shop.Persistence.Tests.Cluster;

/// <summary>
/// One real Shop.Silo or Shop.Api process started with <c>dotnet</c>, its output kept in memory
/// (the last lines) for the failure message. Every process started is also killed when the test
/// process exits, so a test host that dies mid-test leaves nothing running.
/// </summary>
public sealed class ShopProcess : IDisposable
{
    private const int LinesKept = 300;
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    static ShopProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Values)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }
    };

    private ShopProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public static ShopProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var shop = new ShopProcess(name, process);
        process.OutputDataReceived += (_, e) => shop.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => shop.Keep(e.Data);
        process.Start();
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return shop;
    }

    /// <summary>SIGKILL, as a crash or an OOM kill would end it: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>SIGTERM, a graceful stop (the silo leaves the cluster); SIGKILL if it takes longer than <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Keep($"[test] did not stop within {grace.TotalSeconds:0} s of SIGTERM; killed");
            Kill();
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything it printed that is still kept (the last 300 lines).</summary>
    public string Output => string.Join('\n', _lines);

    /// <summary>Waits for the process to end by itself; false when it still runs after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The last lines it printed, for a failure message.</summary>
    public string Tail(int lines = 40) =>
        $"--- {Name} ({(_process.HasExited ? $"exited {_process.ExitCode}" : "running")}) ---\n" + string.Join('\n', _lines.TakeLast(lines));

    public void Dispose()
    {
        Kill();
        _process.WaitForExit(5000);
        Running.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > LinesKept && _lines.TryDequeue(out _))
        {
        }
    }

    /// <summary>The dotnet host running the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
