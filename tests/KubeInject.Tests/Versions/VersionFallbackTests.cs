using System.Text.Json;
using KubeInject.Diagnostics;
using KubeInject.Tests.Cli;
using KubeInject.Versions;

namespace KubeInject.Tests.Versions;

/// <summary>A version that is not bundled works with that cluster's three files, following the newest bundled profile at or below it.</summary>
public sealed class VersionFallbackTests
{
    private static InjectionOptions ClusterFiles(string version, string folder)
    {
        var dir = Path.Combine(CliSandbox.RepoRoot(), "templates", folder);
        var config = JsonSerializer.Serialize(new { templates = new Dictionary<string, string> { ["sidecar"] = File.ReadAllText(Path.Combine(dir, "injection-template.yaml")) } });
        return new InjectionOptions
        {
            IstioVersion = version,
            ValuesText = File.ReadAllText(Path.Combine(dir, "values.yaml")),
            MeshConfigText = File.ReadAllText(Path.Combine(dir, "mesh.yaml")),
            InjectorConfigText = config,
        };
    }

    private static string DefaultFolder => IstioVersions.Bundled.Default.TemplateFolder;

    [Fact]
    public void A_version_newer_than_every_bundled_one_follows_the_newest()
    {
        var injector = new Injector(ClusterFiles("99.0.0", DefaultFolder));
        Assert.Equal("99.0.0", injector.IstioVersion);
        Assert.Contains(injector.Warnings, w => w.Contains($"follows Istio {BundledVersions.Default},", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.27.3", "istio-1.23", "1.23.0")]
    [InlineData("v1.29.0", "istio-1.28", "1.28.10")]
    public void An_unbundled_version_follows_the_newest_bundled_one_at_or_below_it(string version, string folder, string basis)
    {
        var injector = new Injector(ClusterFiles(version, folder));
        Assert.Equal(version.TrimStart('v'), injector.IstioVersion);
        Assert.Contains(injector.Warnings, w => w.Contains($"follows Istio {basis}", StringComparison.Ordinal));
        var result = injector.Inject(Manifests.Deployment(), "app.yaml");
        Assert.Contains("- name: istio-proxy", result.Output);
    }

    [Fact]
    public void Without_the_clusters_files_an_unbundled_version_is_still_a_usage_error()
    {
        var options = ClusterFiles("99.0.0", DefaultFolder) with { InjectorConfigText = null };
        var e = Assert.Throws<KubeInjectException>(() => new Injector(options));
        Assert.Equal(ErrorKind.Usage, e.Kind);
    }

    [Fact]
    public void A_version_older_than_every_bundled_one_is_a_usage_error()
    {
        var e = Assert.Throws<KubeInjectException>(() => new Injector(ClusterFiles("1.21.0", "istio-1.22")));
        Assert.Equal(ErrorKind.Usage, e.Kind);
    }

    [Fact]
    public void A_bundled_version_gives_no_fallback_note()
    {
        var injector = new Injector(ClusterFiles(BundledVersions.Default, DefaultFolder));
        Assert.Equal(BundledVersions.Default, injector.IstioVersion);
        Assert.DoesNotContain(injector.Warnings, w => w.Contains("not bundled", StringComparison.Ordinal));
    }
}
