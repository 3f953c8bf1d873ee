using KubeInject.Tests.Conformance;

namespace KubeInject.Tests.Cli;

/// <summary>
/// A new user passes their cluster's ConfigMaps as kubectl prints them (<c>kubectl get cm istio-sidecar-injector
/// -n istio-system -o yaml</c>, <c>kubectl get cm istio -n istio-system -o yaml</c>): the tool takes data.config,
/// data.values and data.mesh from them, and injects what Istio's injector would.
/// </summary>
public sealed class ClusterConfigMapTests
{
    // What kubectl get cm -o yaml prints: the data keys as literal blocks.
    private static string ConfigMap(string name, params (string Key, string Text)[] data)
    {
        var sb = new System.Text.StringBuilder($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: istio-system\n  labels:\n    istio.io/rev: default\ndata:\n");
        foreach (var (key, text) in data)
        {
            sb.Append($"  {key}: |{(text.EndsWith('\n') ? "" : "-")}\n");
            foreach (var line in text.TrimEnd('\n').Split('\n')) sb.Append(line.Length == 0 ? "\n" : "    " + line + "\n");
        }
        return sb.ToString();
    }

    public static TheoryData<string, string> Cases() => new()
    {
        { "1.30.3", "hello" },
        { "1.30.3", "custom-template" },
        { "1.29.6", "hello-probes" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Whole_configmaps_in_one_file_inject_as_istio_does_without_a_warning(string version, string caseId)
    {
        var c = ConformanceCorpus.Cases(version).SingleOrDefault(x => x.Id == caseId);
        if (c is null) Assert.Skip($"no istio-{version} case {caseId}");
        string settings = Path.Combine(c.VersionDirectory, "settings", c.Settings);
        using var box = new CliSandbox();
        var cluster = box.Write("cluster.yaml",
            ConfigMap("istio-sidecar-injector",
                ("config", File.ReadAllText(Path.Combine(settings, "injector-config.yaml"))),
                ("values", File.ReadAllText(Path.Combine(settings, "values.yaml"))))
            + "---\n"
            + ConfigMap("istio", ("mesh", File.ReadAllText(Path.Combine(settings, "mesh.yaml")))));
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["ENABLE_NATIVE_SIDECARS"] = c.NativeSidecar ? "true" : "false" };
        var run = CliSandbox.RunWith("", env, "-f", c.InputPath, "--values", cluster, "--mesh-config", cluster, "--injector-config", cluster,
            "--istio-version", version, "--report", "none");
        Assert.True(run.Exit == 0, run.ToString());
        Assert.DoesNotContain("warning", run.Stderr);
        var diffs = SemanticComparer.Compare(File.ReadAllText(c.ExpectedPath!), run.Stdout);
        Assert.True(diffs.Count == 0, SemanticComparer.Format(diffs));
    }

    [Fact]
    public void A_configmap_without_the_setting_is_refused_naming_it()
    {
        using var box = new CliSandbox();
        var mesh = box.Write("istio.yaml", ConfigMap("istio", ("meshNetworks", "networks: {}\n")));
        var sleep = Path.Combine(CliSandbox.RepoRoot(), "samples", "sleep.yaml");
        var run = CliSandbox.Run(sleep, "--mesh-config", mesh);
        Assert.Equal(65, run.Exit);
        Assert.Contains("ConfigMap istio has no data.mesh", run.Stderr);
    }
}
