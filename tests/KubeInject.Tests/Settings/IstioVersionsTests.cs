using KubeInject.Versions;
using KubeInject.Diagnostics;
using KubeInject.Settings;

namespace KubeInject.Tests.Settings;

public class IstioVersionsTests
{
    [Theory]
    [InlineData("1.22", "1.22.4", "istio-1.22")]
    [InlineData("1.22.4", "1.22.4", "istio-1.22")]
    [InlineData("1.23", "1.23.0", "istio-1.23")]
    [InlineData("1.23.0", "1.23.0", "istio-1.23")]
    [InlineData("v1.23.0", "1.23.0", "istio-1.23")]
    [InlineData("1.29", "1.29.6", "istio-1.29")]
    [InlineData(" 1.29.6 ", "1.29.6", "istio-1.29")]
    public void Known_spellings_resolve_to_their_bundled_patch(string version, string expected, string folder)
    {
        var p = IstioVersions.Bundled.Resolve(version);
        Assert.Equal(expected, p.Version);
        Assert.Equal(folder, p.TemplateFolder);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_version_means_the_newest_bundled(string? version) =>
        Assert.Equal("1.30.3", IstioVersions.Bundled.Resolve(version).Version);

    [Fact]
    public void Versions_are_listed_oldest_first() =>
        Assert.Equal(["1.22.4", "1.23.0", "1.28.10", "1.29.6", "1.30.3"], IstioVersions.Bundled.All.Select(p => p.Version));

    [Theory]
    [InlineData("1.22")]
    [InlineData("1.23")]
    public void The_1_22_and_1_23_profiles_have_the_1_23_behaviour(string version)
    {
        var p = IstioVersions.Bundled.Resolve(version);
        Assert.False(p.StrictInjectValue);
        Assert.False(p.AddProbersToInjectedPods);
        Assert.False(p.RewriteLifecycleHooks);
        Assert.True(p.ValidateEnableCoreDump);
        Assert.False(p.ValidateResourceAnnotations);
        Assert.False(p.NativeSidecarAnnotation);
        Assert.False(p.NativeSidecarsEnvIsMode);
        Assert.False(p.MultusNamespaceMatching);
    }

    [Fact]
    public void The_1_29_profile_turns_every_1_29_knob()
    {
        var p = IstioVersions.Bundled.Resolve("1.29");
        Assert.True(p.StrictInjectValue);
        Assert.True(p.AddProbersToInjectedPods);
        Assert.True(p.RewriteLifecycleHooks);
        Assert.False(p.ValidateEnableCoreDump);
        Assert.True(p.ValidateResourceAnnotations);
        Assert.True(p.NativeSidecarAnnotation);
        Assert.True(p.NativeSidecarsEnvIsMode);
        Assert.True(p.MultusNamespaceMatching);
    }

    [Theory]
    [InlineData("1.22.4", "injection-template.yaml", "sidecar")]
    [InlineData("1.22.4", "gateway-injection-template.yaml", "gateway")]
    [InlineData("1.22.4", "grpc-agent.yaml", "grpc-agent")]
    [InlineData("1.22.4", "grpc-simple.yaml", "grpc-simple")]
    [InlineData("1.29.6", "injection-template.yaml", "sidecar")]
    [InlineData("1.29.6", "gateway-injection-template.yaml", "gateway")]
    [InlineData("1.29.6", "grpc-agent.yaml", "grpc-agent")]
    [InlineData("1.29.6", "grpc-simple.yaml", "grpc-simple")]
    public void Stock_template_hashes_match_the_reference_go_templates(string version, string file, string name)
    {
        var reference = Conformance.ConformanceCorpus.SharedFolder() is { } corpus
            ? Path.Combine(corpus, "..", "reference", $"istio-{version}", file)
            : null;
        if (reference is null || !File.Exists(reference)) Assert.Skip("../shared/reference not found");
        Assert.True(IstioVersions.Bundled.Resolve(version).IsStockTemplate(name, File.ReadAllText(reference)));
    }

    [Theory]
    [InlineData("1.31")]
    [InlineData("1.23.1")]
    [InlineData("latest")]
    public void Unknown_version_is_a_usage_error_listing_bundled_versions(string version)
    {
        var e = Assert.Throws<KubeInjectException>(() => IstioVersions.Bundled.Resolve(version));
        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal($"unsupported Istio version '{version}'; bundled versions: 1.22.4, 1.23.0, 1.28.10, 1.29.6, 1.30.3", e.Message);
    }
}
