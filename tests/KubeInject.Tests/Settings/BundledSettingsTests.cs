using KubeInject.Versions;
using KubeInject.Settings;
using KubeInject.Yaml;

namespace KubeInject.Tests.Settings;

public class BundledSettingsTests
{
    public static TheoryData<string> Versions => new(IstioVersions.Bundled.All.Select(p => p.Version));

    [Theory]
    [MemberData(nameof(Versions))]
    public void Bundled_values_are_a_default_install_of_their_version(string version)
    {
        var values = BundledSettings.LoadValues(IstioVersions.Bundled.Resolve(version));
        var global = (YMapping)values["global"]!;
        Assert.Equal("docker.io/istio", ((YScalar)global["hub"]!).Value);
        Assert.Equal(version, ((YScalar)global["tag"]!).Value);
        var webhook = (YMapping)values["sidecarInjectorWebhook"]!;
        Assert.Equal("true", ((YScalar)webhook["rewriteAppHTTPProbe"]!).Value);
        Assert.Contains("pilot", values.Entries.Select(e => e.Name));
    }

    [Fact]
    public void Bundled_1_23_values_keep_the_chart_sections()
    {
        var values = BundledSettings.LoadValues(IstioVersions.Bundled.Resolve("1.23"));
        Assert.Equal(["gateways", "global", "istio_cni", "pilot", "revision", "sidecarInjectorWebhook"], values.Entries.Select(e => e.Name));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Bundled_values_give_the_released_proxy_image(string version)
    {
        var profile = IstioVersions.Bundled.Resolve(version);
        var image = ProxyImage.Compute(BundledSettings.LoadValues(profile), BundledSettings.LoadMeshConfig(profile), null);
        Assert.Equal($"docker.io/istio/proxyv2:{version}", image);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Bundled_mesh_is_the_default_mesh(string version)
    {
        var profile = IstioVersions.Bundled.Resolve(version);
        var mesh = BundledSettings.LoadMeshConfig(profile);
        Assert.Equal("cluster.local", ((YScalar)mesh["trustDomain"]!).Value);
        Assert.Equal("{}", ProxyConfigJson.Format((YMapping)mesh["defaultConfig"]!));
        Assert.Contains("discoveryAddress: istiod.istio-system.svc:15012", BundledSettings.MeshText(profile));
    }
}
