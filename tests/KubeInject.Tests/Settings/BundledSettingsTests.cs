using KubeInject.Settings;
using KubeInject.Yaml;

namespace KubeInject.Tests.Settings;

public class BundledSettingsTests
{
    private static readonly IstioVersionProfile V123 = IstioVersions.Resolve("1.23");

    [Fact]
    public void Bundled_values_are_a_default_1_23_0_install()
    {
        var values = BundledSettings.LoadValues(V123);
        var global = (YMapping)values["global"]!;
        Assert.Equal("docker.io/istio", ((YScalar)global["hub"]!).Value);
        Assert.Equal("1.23.0", ((YScalar)global["tag"]!).Value);
        var webhook = (YMapping)values["sidecarInjectorWebhook"]!;
        Assert.Equal("true", ((YScalar)webhook["rewriteAppHTTPProbe"]!).Value);
        Assert.Equal(["gateways", "global", "istio_cni", "pilot", "revision", "sidecarInjectorWebhook"], values.Entries.Select(e => e.Name));
    }

    [Fact]
    public void Bundled_values_give_the_released_proxy_image()
    {
        var image = ProxyImage.Compute(BundledSettings.LoadValues(V123), BundledSettings.LoadMeshConfig(V123), null);
        Assert.Equal("docker.io/istio/proxyv2:1.23.0", image);
    }

    [Fact]
    public void Bundled_mesh_is_the_default_mesh()
    {
        var mesh = BundledSettings.LoadMeshConfig(V123);
        Assert.Equal("cluster.local", ((YScalar)mesh["trustDomain"]!).Value);
        Assert.Equal("{}", ProxyConfigJson.Format((YMapping)mesh["defaultConfig"]!));
        Assert.Contains("discoveryAddress: istiod.istio-system.svc:15012", BundledSettings.MeshText(V123));
    }
}
