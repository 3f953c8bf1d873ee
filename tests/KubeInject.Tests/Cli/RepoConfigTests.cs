using KubeInject.Cli;

namespace KubeInject.Tests.Cli;

public sealed class RepoConfigTests
{
    [Theory]
    [InlineData("**/kustomization.yaml", "deploy/kustomization.yaml", true)]
    [InlineData("kustomization.yaml", "kustomization.yaml", true)]
    [InlineData("deploy/chart/**", "deploy/chart/templates/a.yaml", true)]
    [InlineData("deploy/*.yaml", "deploy/x/a.yaml", false)]
    [InlineData("deploy/*.yaml", "deploy/a.yaml", true)]
    public void Globs_match_like_gitignore(string glob, string path, bool match) =>
        Assert.Equal(match, RepoConfig.Glob(glob).IsMatch(path));

    [Fact]
    public void Config_sets_defaults_and_excludes_files()
    {
        using var box = new CliSandbox();
        var config = box.Write(".kube-inject.yaml", "istioVersion: \"1.23\"\nrevision: canary\nexclude: [\"skip/**\"]\n");
        var app = box.Write("app/sleep.yaml", File.ReadAllText(Path.Combine(CliSandbox.RepoRoot(), "samples", "sleep.yaml")));
        box.Write("skip/sleep.yaml", File.ReadAllText(app));
        box.Write("app/tpl.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n");
        var run = CliSandbox.Run("--config", config, "--check", "-R", box.PathOf("app"), box.PathOf("skip"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("tpl.yaml: skipped: unrendered template markup", run.Stderr);
        // Only app/sleep.yaml is injected: skip/ is excluded by the config.
        Assert.Single(run.Stderr.Split('\n'), l => l.Contains("Deployment default/sleep", StringComparison.Ordinal));
        var injected = CliSandbox.Run("--config", config, app);
        Assert.Contains("istio.io/rev: canary", injected.Stdout);
    }
}
