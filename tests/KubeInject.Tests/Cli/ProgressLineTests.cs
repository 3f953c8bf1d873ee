using KubeInject.Cli;

namespace KubeInject.Tests.Cli;

/// <summary>The progress line appears only for long runs, updates in place, and leaves nothing behind.</summary>
public sealed class ProgressLineTests
{
    private static WorkloadReport Report() => new("Deployment", "default", "a", new Diagnostics.SourceLocation("a.yaml"), true, null, "img", [], null);

    [Fact]
    public void A_short_run_shows_nothing()
    {
        var stderr = new StringWriter();
        var now = TimeSpan.Zero;
        var line = new ProgressLine(stderr, () => now);
        for (int i = 0; i < 10; i++) line.Report(Report());
        line.FileDone();
        now = TimeSpan.FromMilliseconds(500);
        line.Clear();
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public void A_long_run_draws_one_updating_line_and_clears_it()
    {
        var stderr = new StringWriter();
        var now = TimeSpan.FromSeconds(4);
        var line = new ProgressLine(stderr, () => now);
        line.Report(Report());
        Assert.Equal("\r\u001b[Kkube-inject: 0 files, 1 workloads, 0/s", stderr.ToString());
        // Within the redraw interval nothing more is written.
        line.Report(Report());
        Assert.DoesNotContain("2 workloads", stderr.ToString());
        now = TimeSpan.FromSeconds(8);
        line.FileDone();
        Assert.EndsWith("\r\u001b[Kkube-inject: 1 files, 2 workloads, 0/s", stderr.ToString());
        Assert.DoesNotContain("\n", stderr.ToString());
        line.Clear();
        Assert.EndsWith("\r\u001b[K", stderr.ToString());
    }

    [Fact]
    public void Many_workloads_show_the_line_before_a_second_has_passed()
    {
        var stderr = new StringWriter();
        var now = TimeSpan.FromMilliseconds(200);
        var line = new ProgressLine(stderr, () => now);
        for (int i = 0; i < 299; i++) line.Report(Report());
        Assert.Equal("", stderr.ToString());
        line.Report(Report());
        Assert.Equal("\r\u001b[Kkube-inject: 0 files, 300 workloads, 1,500/s", stderr.ToString());
    }

    [Fact]
    public void Not_on_a_redirected_stderr_nor_in_ci_nor_with_a_json_report()
    {
        // The test host's stderr is a StringWriter, never the console.
        var context = new CliContext(new StringReader(""), TextWriter.Null, new StringWriter(), new Dictionary<string, string>());
        Assert.Null(ProgressLine.For(context, "text"));
        var ci = new CliContext(new StringReader(""), TextWriter.Null, Console.Error, new Dictionary<string, string> { ["CI"] = "true" });
        Assert.Null(ProgressLine.For(ci, "text"));
        var json = new CliContext(new StringReader(""), TextWriter.Null, Console.Error, new Dictionary<string, string>());
        Assert.Null(ProgressLine.For(json, "json"));
    }

    [Fact]
    public void The_library_reports_each_workload_as_it_is_done()
    {
        var seen = new List<string>();
        var options = new InjectionOptions { Progress = new Collect(seen) };
        var sleep = File.ReadAllText(Path.Combine(CliSandbox.RepoRoot(), "samples", "sleep.yaml"));
        var httpbin = File.ReadAllText(Path.Combine(CliSandbox.RepoRoot(), "samples", "httpbin.yaml"));
        new Injector(options).Inject(new StringReader(sleep + "---\n" + httpbin), "both.yaml", TextWriter.Null);
        Assert.Equal(["Deployment default/sleep", "Deployment default/httpbin"], seen);
    }

    private sealed class Collect(List<string> seen) : IProgress<WorkloadReport>
    {
        public void Report(WorkloadReport value) => seen.Add(value.DisplayName);
    }
}
