using KubeInject.Diagnostics;
using KubeInject.Settings;

namespace KubeInject.Tests.Settings;

public class IstioVersionsTests
{
    [Theory]
    [InlineData("1.23")]
    [InlineData("1.23.0")]
    [InlineData("v1.23.0")]
    [InlineData(null)]
    [InlineData("")]
    public void Known_spellings_resolve_to_1_23_0(string? version)
    {
        var p = IstioVersions.Resolve(version);
        Assert.Equal("1.23.0", p.Version);
        Assert.Equal("istio-1.23", p.TemplateFolder);
    }

    [Fact]
    public void The_1_23_profile_has_the_1_23_behaviour()
    {
        var p = IstioVersions.Resolve("1.23");
        Assert.False(p.StrictInjectValue);
        Assert.False(p.AddProbersToInjectedPods);
        Assert.False(p.RewriteLifecycleHooks);
        Assert.True(p.ValidateEnableCoreDump);
        Assert.False(p.ValidateResourceAnnotations);
        Assert.False(p.NativeSidecarAnnotation);
        Assert.True(p.EmitsNullCreationTimestamp);
    }

    [Theory]
    [InlineData("1.29")]
    [InlineData("1.23.1")]
    [InlineData("latest")]
    public void Unknown_version_is_a_usage_error_listing_bundled_versions(string version)
    {
        var e = Assert.Throws<KubeInjectException>(() => IstioVersions.Resolve(version));
        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal($"unsupported Istio version '{version}'; bundled versions: 1.23.0", e.Message);
    }
}
