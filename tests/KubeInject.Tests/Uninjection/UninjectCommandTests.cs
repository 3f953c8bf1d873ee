using KubeInject.Cli;

namespace KubeInject.Tests.Uninjection;

/// <summary><c>kube-inject uninject</c>: the same input/output handling as injection, plus <c>--fail-on skip</c>.</summary>
public sealed class UninjectCommandTests : IDisposable
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p   # mine
        spec:
          containers:
          - name: app
            image: nginx
        """;

    private const string SidecarWithoutStatus = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: hand-made
        spec:
          containers:
          - name: app
            image: nginx
          - name: istio-proxy
            image: auto
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("kube-uninject-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Exit, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = KubeInjectApp.Run(args, new CliContext(new StringReader(stdin), stdout, stderr, new Dictionary<string, string>()));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Injected() => new Injector(new InjectionOptions()).Inject(Pod, "p.yaml").Output;

    [Fact]
    public void Uninjects_stdin_to_stdout()
    {
        var (exit, stdout, stderr) = Run(Injected(), "uninject", "-f", "-");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(Pod, stdout);
        Assert.Contains("Pod p: uninjected", stderr);
    }

    [Fact]
    public void Positional_paths_in_place_and_check()
    {
        var file = Path.Combine(_dir, "p.yaml");
        File.WriteAllText(file, Injected());
        Assert.Equal(ExitCodes.CheckFoundWork, Run("", "uninject", "--check", file).Exit);
        Assert.Equal(ExitCodes.Ok, Run("", "uninject", "--in-place", file).Exit);
        Assert.Equal(Pod, File.ReadAllText(file));
        Assert.Equal(ExitCodes.Ok, Run("", "uninject", "--check", file).Exit);
    }

    [Fact]
    public void Recursive_output_directory_mirrors_the_tree()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "in", "sub"));
        File.WriteAllText(Path.Combine(_dir, "in", "sub", "p.yaml"), Injected());
        var output = Path.Combine(_dir, "out") + "/";
        Assert.Equal(ExitCodes.Ok, Run("", "uninject", "-R", Path.Combine(_dir, "in"), "-o", output).Exit);
        Assert.Equal(Pod, File.ReadAllText(Path.Combine(_dir, "out", "sub", "p.yaml")));
    }

    [Fact]
    public void Diff_shows_what_uninjection_removes()
    {
        var (exit, stdout, _) = Run(Injected(), "uninject", "--diff", "--color", "never", "-");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("-  - name: istio-proxy", stdout);
    }

    [Fact]
    public void A_sidecar_without_status_is_skipped_and_fails_only_with_fail_on_skip()
    {
        var (exit, stdout, stderr) = Run(SidecarWithoutStatus, "uninject", "-");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(SidecarWithoutStatus, stdout);
        Assert.Contains("skipped [sidecar_without_status]", stderr);
        Assert.Equal(ExitCodes.Findings, Run(SidecarWithoutStatus, "uninject", "--fail-on", "skip", "-").Exit);
        // A manifest that was never injected is not a finding.
        Assert.Equal(ExitCodes.Ok, Run(Pod, "uninject", "--fail-on", "skip", "-").Exit);
    }

    [Fact]
    public void Json_report_says_uninjected()
    {
        var (_, _, stderr) = Run(Injected(), "uninject", "--report", "json", "-");
        Assert.Contains("\"status\":\"uninjected\"", stderr.Replace(" ", ""));
    }

    [Fact]
    public void Usage_errors_name_the_subcommand()
    {
        var (exit, _, stderr) = Run("", "uninject");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("kube-inject uninject --help", stderr);
    }

    [Fact]
    public void The_root_command_still_injects_and_reinject_merge_is_accepted()
    {
        var (exit, stdout, _) = Run(Pod, "-f", "-");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("name: istio-proxy", stdout);
        Assert.Equal(ExitCodes.Ok, Run(stdout, "--reinject", "merge", "-").Exit);
        Assert.Equal(ExitCodes.Usage, Run(stdout, "--reinject", "bogus", "-").Exit);
    }
}
