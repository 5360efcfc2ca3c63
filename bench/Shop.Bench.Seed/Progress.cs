using System.Diagnostics;

namespace Shop.Bench.Seed;

/// <summary>
/// A progress line on stderr: done/total, rate and time left, redrawn in place on a terminal and
/// printed every five seconds into a log. <see cref="Finish"/> prints the final count and rate.
/// </summary>
internal sealed class Progress : IDisposable
{
    private readonly string _label;
    private readonly long _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private long _done;

    public Progress(string label, long total)
    {
        _label = label;
        _total = total;
        var period = _terminal ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);
        _timer = new Timer(_ => Draw(), null, period, period);
    }

    public long Done => Interlocked.Read(ref _done);

    public TimeSpan Elapsed => _clock.Elapsed;

    public double Rate => Done / Math.Max(_clock.Elapsed.TotalSeconds, 1e-6);

    public void Add(long n = 1) => Interlocked.Add(ref _done, n);

    /// <summary>Stops the line and prints the summary: "label: N in S s (R/s)".</summary>
    public string Finish()
    {
        _timer.Dispose();
        _clock.Stop();
        var summary = $"{_label}: {Done:N0} in {_clock.Elapsed.TotalSeconds:0.0} s ({Rate:N0}/s)";
        Console.Error.Write(_terminal ? "\r\x1b[K" : "");
        Console.Error.WriteLine(summary);
        return summary;
    }

    public void Dispose() => _timer.Dispose();

    private void Draw()
    {
        var done = Done;
        var rate = Rate;
        var left = rate > 0 && _total > done ? TimeSpan.FromSeconds((_total - done) / rate) : TimeSpan.Zero;
        var width = 30;
        var filled = _total > 0 ? (int)(width * Math.Min(1.0, (double)done / _total)) : 0;
        var line = $"{_label} [{new string('#', filled)}{new string('.', width - filled)}] {done:N0}/{_total:N0}  {rate:N0}/s  {left:mm\\:ss} left";
        if (_terminal)
        {
            Console.Error.Write("\r\x1b[K" + line);
        }
        else
        {
            Console.Error.WriteLine(line);
        }
    }
}
