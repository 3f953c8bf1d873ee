using System.Diagnostics;

namespace KubeInject.Cli;

/// <summary>
/// One updating line on a terminal's stderr for long runs: files, workloads and rate. Shown only when stderr is a
/// terminal (never in pipes, CI or with <c>--report json</c>), and only once a run has passed a few hundred
/// workloads or a second; cleared before anything else is printed and at the end.
/// </summary>
internal sealed class ProgressLine : IProgress<WorkloadReport>
{
    private const int WorkloadThreshold = 300;
    private static readonly TimeSpan TimeThreshold = TimeSpan.FromSeconds(1), Interval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _stderr;
    private readonly Func<TimeSpan> _clock;
    private readonly object _gate = new();
    private int _files, _workloads;
    private TimeSpan? _lastDraw;
    private bool _shown;

    /// <summary>A progress line writing to <paramref name="stderr"/>; <paramref name="clock"/> gives the time since the start.</summary>
    public ProgressLine(TextWriter stderr, Func<TimeSpan>? clock = null)
    {
        _stderr = stderr;
        var watch = Stopwatch.StartNew();
        _clock = clock ?? (() => watch.Elapsed);
    }

    /// <summary>The line for this run, or null when it must not be shown (stderr redirected, CI, JSON report).</summary>
    public static ProgressLine? For(CliContext context, string report) =>
        report != "json" && ReferenceEquals(context.Stderr, Console.Error) && !Console.IsErrorRedirected
        && !context.Environment.ContainsKey("CI") && !context.Environment.ContainsKey("KUBEINJECT_NO_PROGRESS")
            ? new ProgressLine(Console.Error) : null;

    /// <summary>A file is done.</summary>
    public void FileDone()
    {
        lock (_gate)
        {
            _files++;
            Draw(force: false);
        }
    }

    /// <inheritdoc />
    public void Report(WorkloadReport value)
    {
        lock (_gate)
        {
            _workloads++;
            Draw(force: false);
        }
    }

    /// <summary>Takes the line away (before report lines, and at the end).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            if (!_shown) return;
            _stderr.Write("\r\u001b[K");
            _stderr.Flush();
            _shown = false;
            _lastDraw = null;
        }
    }

    private void Draw(bool force)
    {
        var now = _clock();
        if (_workloads < WorkloadThreshold && now < TimeThreshold) return;
        if (!force && _lastDraw is { } last && now - last < Interval) return;
        _lastDraw = now;
        double rate = now.TotalSeconds > 0 ? _workloads / now.TotalSeconds : 0;
        _stderr.Write(FormattableString.Invariant($"\r\u001b[Kkube-inject: {_files} files, {_workloads:N0} workloads, {rate:N0}/s"));
        _stderr.Flush();
        _shown = true;
    }
}
