using KubeInject.Settings;
using KubeInject.Yaml;

namespace KubeInject.Tests.Settings;

public class ProxyImageTests
{
    private static YMapping Values(string globalYaml) => ValuesLoader.Load("global:\n" + globalYaml, "values.yaml");

    private static readonly YMapping DefaultMesh = MeshConfigLoader.ApplyMeshConfig("");

    [Fact]
    public void Hub_image_and_tag_make_the_image()
    {
        Assert.Equal("docker.io/istio/proxyv2:1.23.0", ProxyImage.Compute(Values("  hub: docker.io/istio\n  tag: 1.23.0\n"), DefaultMesh, null));
    }

    [Fact]
    public void Variant_is_appended_to_the_tag()
    {
        Assert.Equal("docker.io/istio/proxyv2:1.23.0-distroless",
            ProxyImage.Compute(Values("  hub: docker.io/istio\n  tag: 1.23.0\n  variant: distroless\n"), DefaultMesh, null));
    }

    [Fact]
    public void Annotation_type_default_strips_the_distroless_suffix()
    {
        var annotations = new Dictionary<string, string> { ["sidecar.istio.io/proxyImageType"] = "default" };
        Assert.Equal("docker.io/istio/proxyv2:1.23.0",
            ProxyImage.Compute(Values("  hub: docker.io/istio\n  tag: 1.23.0-distroless\n"), DefaultMesh, annotations));
    }

    [Fact]
    public void Empty_hub_gives_a_leading_slash()
    {
        Assert.Equal("/proxyv2:1.23.0", ProxyImage.Compute(Values("  tag: 1.23.0\n"), DefaultMesh, null));
    }

    [Fact]
    public void Float_tag_prints_like_go()
    {
        Assert.Equal("hub/proxyv2:1.2", ProxyImage.Compute(Values("  hub: hub\n  tag: 1.20\n"), DefaultMesh, null));
        Assert.Equal("hub/proxyv2:1e+06", ProxyImage.Compute(Values("  hub: hub\n  tag: 1000000\n"), DefaultMesh, null));
    }

    [Fact]
    public void Custom_proxy_image_name_is_used()
    {
        Assert.Equal("hub/myproxy:t", ProxyImage.Compute(Values("  hub: hub\n  tag: t\n  proxy:\n    image: myproxy\n"), DefaultMesh, null));
    }

    [Fact]
    public void Mesh_image_type_replaces_the_variant_even_when_empty()
    {
        var values = Values("  hub: hub\n  tag: 1.23.0\n  variant: distroless\n");
        var mesh = ProxyConfigOverlay.Apply(DefaultMesh, "image: {}");
        Assert.Equal("hub/proxyv2:1.23.0", ProxyImage.Compute(values, mesh, null));
        mesh = ProxyConfigOverlay.Apply(DefaultMesh, "image:\n  imageType: debug");
        Assert.Equal("hub/proxyv2:1.23.0-debug", ProxyImage.Compute(values, mesh, null));
    }

    [Fact]
    public void Annotation_type_beats_mesh_image_type()
    {
        var mesh = ProxyConfigOverlay.Apply(DefaultMesh, "image:\n  imageType: debug");
        var annotations = new Dictionary<string, string> { ["sidecar.istio.io/proxyImageType"] = "distroless" };
        Assert.Equal("hub/proxyv2:1.23.0-distroless", ProxyImage.Compute(Values("  hub: hub\n  tag: 1.23.0-debug\n"), mesh, annotations));
    }
}
