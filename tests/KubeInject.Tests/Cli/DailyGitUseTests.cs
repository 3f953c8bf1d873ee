using KubeInject.Versions;
using System.Text.Json;

namespace KubeInject.Tests.Cli;

/// <summary>
/// What a first-time user trips on in daily Git use (issue "Trustworthy in daily Git use"): files are never dropped,
/// reports say what happened, and flags that cannot work are usage errors.
/// </summary>
public sealed class DailyGitUseTests
{
    private static string Sleep => File.ReadAllText(Path.Combine(CliSandbox.RepoRoot(), "samples", "sleep.yaml"));

    private const string Dashboard = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dash\ndata:\n  d.json: |\n    {\"legendFormat\": \"{{pod}}\"}\n---\n";
    private const string HelmTemplate = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: x\n";

    [Fact]
    public void Braces_inside_string_values_do_not_stop_injection()
    {
        using var box = new CliSandbox();
        var file = box.Write("app.yaml", Dashboard + Sleep);
        var run = CliSandbox.Run(file);
        Assert.Equal(0, run.Exit);
        Assert.StartsWith(Dashboard, run.Stdout);
        Assert.Contains("name: istio-proxy", run.Stdout);
    }

    [Fact]
    public void An_unrendered_template_goes_to_stdout_unchanged_with_the_reason()
    {
        using var box = new CliSandbox();
        var file = box.Write("chart.yaml", HelmTemplate);
        var run = CliSandbox.Run(file);
        Assert.Equal(0, run.Exit);
        Assert.Equal(HelmTemplate, run.Stdout);
        Assert.Contains("chart.yaml: skipped: unrendered template markup", run.Stderr);
        Assert.Contains("line 4", run.Stderr);
    }

    [Fact]
    public void An_unrendered_template_is_copied_to_the_output_file_and_left_alone_in_place()
    {
        using var box = new CliSandbox();
        var file = box.Write("chart.yaml", HelmTemplate);
        var run = CliSandbox.Run(file, "-o", box.PathOf("out.yaml"));
        Assert.Equal(0, run.Exit);
        Assert.Equal(HelmTemplate, CliSandbox.Read(box.PathOf("out.yaml")));
        var inPlace = CliSandbox.Run("-i", file);
        Assert.Equal(0, inPlace.Exit);
        Assert.Equal(HelmTemplate, CliSandbox.Read(file));
    }

    [Fact]
    public void An_unrendered_template_is_an_error_when_the_repository_says_so()
    {
        using var box = new CliSandbox();
        var config = box.Write(".kube-inject.yaml", "skipTemplates: false\n");
        var file = box.Write("chart.yaml", HelmTemplate);
        var run = CliSandbox.Run("--config", config, file);
        Assert.Equal(65, run.Exit);
        Assert.Contains("chart.yaml:4", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void A_broken_manifest_without_markup_is_still_an_error()
    {
        using var box = new CliSandbox();
        var file = box.Write("bad.yaml", "a: \"{{ in a string }}\"\nb: 1\nc: 2\nkind: [x\nd: 3\n");
        var run = CliSandbox.Run(file);
        Assert.Equal(65, run.Exit);
        Assert.DoesNotContain("template markup", run.Stderr);
    }

    [Fact]
    public void Report_says_up_to_date_for_an_already_injected_workload()
    {
        using var box = new CliSandbox();
        var file = box.Write("sleep.yaml", Sleep);
        var first = CliSandbox.Run("-i", file);
        Assert.Contains("Deployment default/sleep: injected (", first.Stderr);
        var second = CliSandbox.Run("-i", file);
        Assert.Contains("Deployment default/sleep: up to date (", second.Stderr);
        Assert.DoesNotContain(": injected (", second.Stderr);
    }

    [Fact]
    public void Json_report_has_changed_per_workload_and_an_entry_per_file()
    {
        using var box = new CliSandbox();
        var sleep = box.Write("sleep.yaml", Sleep);
        var chart = box.Write("chart.yaml", HelmTemplate);
        var run = CliSandbox.Run(sleep, chart, "-o", box.PathOf("out") + "/", "--report", "json");
        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Stderr);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(2, files.Count);
        Assert.Contains(files, f => f.GetProperty("file").GetString()!.EndsWith("sleep.yaml", StringComparison.Ordinal) && f.GetProperty("changed").GetBoolean());
        Assert.Contains(files, f => f.GetProperty("file").GetString()!.EndsWith("chart.yaml", StringComparison.Ordinal) && f.GetProperty("status").GetString() == "skipped");
        var workload = Assert.Single(json.RootElement.GetProperty("workloads").EnumerateArray());
        Assert.True(workload.GetProperty("changed").GetBoolean());
        Assert.Equal("injected", workload.GetProperty("status").GetString());
    }

    [Fact]
    public void Check_names_every_file_that_would_change_even_without_a_report()
    {
        using var box = new CliSandbox();
        var a = box.Write("a.yaml", Sleep);
        var b = box.Write("b.yaml", Sleep);
        var c = box.Write("c.yaml", Dashboard);
        var run = CliSandbox.Run("--check", "--report", "none", a, b, c);
        Assert.Equal(1, run.Exit);
        Assert.Contains("a.yaml: would change", run.Stderr);
        Assert.Contains("b.yaml: would change", run.Stderr);
        Assert.DoesNotContain("c.yaml: would change", run.Stderr);
    }

    [Fact]
    public void One_output_file_for_several_inputs_is_a_usage_error()
    {
        using var box = new CliSandbox();
        var a = box.Write("a.yaml", Sleep);
        var b = box.Write("b.yaml", Sleep);
        var run = CliSandbox.Run(a, b, "-o", box.PathOf("out.yaml"));
        Assert.Equal(64, run.Exit);
        Assert.False(File.Exists(box.PathOf("out.yaml")));
        var intoDir = CliSandbox.Run(a, b, "-o", box.PathOf("out") + "/");
        Assert.Equal(0, intoDir.Exit);
        Assert.True(File.Exists(box.PathOf("out/a.yaml")));
        Assert.True(File.Exists(box.PathOf("out/b.yaml")));
    }
}

public sealed class FirstTimeUserCommandTests
{
    [Fact]
    public void Version_without_manifests_prints_the_tool_and_the_bundled_istio_versions()
    {
        var run = CliSandbox.Run("version");
        Assert.Equal(0, run.Exit);
        Assert.StartsWith("client version: ", run.Stdout);
        Assert.Contains($"bundled Istio versions: {string.Join(", ", Injector.BundledIstioVersions)} (default {Injector.DefaultIstioVersion})", run.Stdout);
    }

    [Fact]
    public void Help_command_prints_a_commands_help()
    {
        var run = CliSandbox.Run("help", "check");
        Assert.Equal(0, run.Exit);
        Assert.Contains("--fail-on", run.Stdout);
        Assert.Contains("--expect-injected", run.Stdout);
        var root = CliSandbox.Run("help");
        Assert.Equal(0, root.Exit);
        Assert.Contains("--istio-version", root.Stdout);
    }

    [Theory]
    [InlineData(new[] { "--recursiv", "x.yaml" }, "did you mean '--recursive'?")]
    [InlineData(new[] { "check", "--fail-onn", "error", "x.yaml" }, "did you mean '--fail-on'?")]
    [InlineData(new[] { "version", "--outptu", "json", "x.yaml" }, "did you mean '--output'?")]
    public void An_unknown_flag_suggests_the_closest(string[] args, string suggestion)
    {
        var run = CliSandbox.Run(args);
        Assert.Equal(64, run.Exit);
        Assert.Contains(suggestion, run.Stderr);
    }

    [Fact]
    public void A_mistyped_command_suggests_the_command()
    {
        var run = CliSandbox.Run("chek");
        Assert.Equal(66, run.Exit);
        Assert.Contains("chek: no such file or directory (did you mean the command 'check'?)", run.Stderr);
    }

    [Fact]
    public void Check_reads_the_repository_config_and_names_its_version_in_the_fix()
    {
        using var box = new CliSandbox();
        var config = box.Write(".kube-inject.yaml", "istioVersion: \"1.23\"\nexclude: [\"skip/**\"]\n");
        var sleep = File.ReadAllText(Path.Combine(CliSandbox.RepoRoot(), "samples", "sleep.yaml"));
        var old = CliSandbox.RunWithStdin(sleep, "--istio-version", "1.22.4", "--report", "none");
        Assert.Equal(0, old.Exit);
        box.Write("app/sleep.yaml", old.Stdout);
        box.Write("skip/sleep.yaml", old.Stdout);
        var run = CliSandbox.Run("check", "--config", config, "-R", box.PathOf("app"), box.PathOf("skip"), "--fail-on", "warning");
        Assert.Equal(79, run.Exit);
        Assert.Contains("IST0158", run.Stdout);
        Assert.Contains("--istio-version 1.23.0", run.Stdout);
        Assert.Contains("against Istio 1.23.0", run.Stdout);
        // skip/ is excluded by the config: one workload checked.
        Assert.Contains("Checked 1 workload", run.Stdout);
    }
}

/// <summary>Kustomize strategic-merge patches are documents of workload kinds, but not workloads to inject.</summary>
public sealed class KustomizePatchTests
{
    private const string ReplicasPatch = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: sleep\nspec:\n  replicas: 3\n";
    private const string ResourcesPatch = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: sleep\nspec:\n  template:\n    spec:\n      containers:\n      - name: sleep\n        resources:\n          limits: {memory: 1Gi}\n";

    [Theory]
    [InlineData(ReplicasPatch, "no spec.template.spec")]
    [InlineData(ResourcesPatch, "container \"sleep\" has no image")]
    public void A_patch_passes_through_unchanged_with_a_reason(string patch, string why)
    {
        using var box = new CliSandbox();
        var file = box.Write("patch.yaml", patch);
        var run = CliSandbox.Run(file);
        Assert.Equal(0, run.Exit);
        Assert.Equal(patch, run.Stdout);
        Assert.Contains($"skipped [incomplete_workload]: Skipping injection because Deployment \"sleep\" is not a complete workload: {why} (a kustomize patch?)", run.Stderr);
        Assert.Contains("Deployment sleep: skipped [incomplete_workload]", run.Stderr);
    }
}
