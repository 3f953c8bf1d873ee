using KubeInject.Diagnostics;
using KubeInject.Settings;
using KubeInject.Yaml;

namespace KubeInject.Tests.Settings;

public class ProxyConfigOverlayTests
{
    private static YMapping Mesh(string text) => MeshConfigLoader.ApplyMeshConfig(text);

    private static YMapping Pc(YMapping mesh) => ProxyConfigOverlay.ProxyConfigOf(mesh);

    [Fact]
    public void Annotation_replaces_nested_messages_wholesale()
    {
        var mesh = Mesh("defaultConfig:\n  tracing:\n    zipkin:\n      address: z:9411\n    sampling: 5\n");
        var result = ProxyConfigOverlay.Apply(mesh, "tracing:\n  sampling: 50\n");
        var tracing = (YMapping)Pc(result)["tracing"]!;
        Assert.Null(tracing["zipkin"]);
        Assert.Equal("50", ((YScalar)tracing["sampling"]!).Value);
    }

    [Fact]
    public void Proxy_metadata_is_merged_key_by_key_with_annotation_winning()
    {
        var mesh = Mesh("defaultConfig:\n  proxyMetadata:\n    A: mesh\n    B: mesh\n");
        var md = (YMapping)Pc(ProxyConfigOverlay.Apply(mesh, """{"proxyMetadata": {"B": "pod", "C": "pod"}}"""))["proxyMetadata"]!;
        Assert.Equal(["A", "B", "C"], md.Entries.Select(e => e.Name));
        Assert.Equal("mesh", ((YScalar)md["A"]!).Value);
        Assert.Equal("pod", ((YScalar)md["B"]!).Value);
    }

    [Fact]
    public void Null_values_in_the_annotation_are_ignored()
    {
        var result = ProxyConfigOverlay.Apply(Mesh(""), "discoveryAddress: null\nstatusPort: 15021\n");
        Assert.Equal(MeshConfigDefaults.DiscoveryAddress, ((YScalar)Pc(result)["discoveryAddress"]!).Value);
        Assert.Equal("15021", ((YScalar)Pc(result)["statusPort"]!).Value);
    }

    [Fact]
    public void The_input_mesh_config_is_not_modified()
    {
        var mesh = Mesh("");
        ProxyConfigOverlay.Apply(mesh, "statusPort: 1");
        Assert.Equal("15020", ((YScalar)Pc(mesh)["statusPort"]!).Value);
    }

    [Fact]
    public void Empty_annotation_changes_nothing()
    {
        Assert.Equal("{}", ProxyConfigJson.Format(Pc(ProxyConfigOverlay.Apply(Mesh(""), ""))));
    }

    [Fact]
    public void Setting_tracing_service_name_clears_service_cluster()
    {
        var pc = Pc(ProxyConfigOverlay.Apply(Mesh(""), "tracingServiceName: CANONICAL_NAME_ONLY"));
        Assert.Null(pc["serviceCluster"]);
    }

    [Fact]
    public void Proxy_headers_fields_left_empty_fall_back_to_the_mesh()
    {
        var mesh = Mesh("defaultConfig:\n  proxyHeaders:\n    server:\n      disabled: true\n    forwardedClientCert: SANITIZE\n");
        var pc = Pc(ProxyConfigOverlay.Apply(mesh, "proxyHeaders:\n  requestId:\n    disabled: true\n"));
        Assert.Equal("""{"proxyHeaders":{"forwardedClientCert":"SANITIZE","requestId":{"disabled":true},"server":{"disabled":true}}}""", ProxyConfigJson.Format(pc));
    }

    [Theory]
    [InlineData("discoveryAddress: [a", "could not parse proxy config: error converting YAML to JSON: yaml: line ")]
    [InlineData("statusPort: abc", "could not parse proxy config: invalid value for int32 field statusPort: \"abc\"")]
    [InlineData("drainDuration: 5x", "could not parse proxy config: bad Duration: time: unknown unit \"x\" in duration \"5x\"")]
    [InlineData("just a string", "could not parse proxy config: json: cannot unmarshal string into Go value of type map[string]json.RawMessage")]
    public void Unparseable_annotation_fails_with_istios_prefix(string annotation, string expectedStart)
    {
        var e = Assert.Throws<KubeInjectException>(() => ProxyConfigOverlay.Apply(Mesh(""), annotation));
        Assert.StartsWith(expectedStart, e.Message);
    }

    [Fact]
    public void Parse_error_carries_the_given_location()
    {
        var where = new SourceLocation("deploy.yaml", 2, 14, 7);
        var e = Assert.Throws<KubeInjectException>(() => ProxyConfigOverlay.Apply(Mesh(""), "concurrency: many", where));
        Assert.Equal(where, e.Location);
    }
}
