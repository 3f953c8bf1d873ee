using KubeInject.Diagnostics;
using KubeInject.Settings;
using KubeInject.Yaml;

namespace KubeInject.Tests.Settings;

public class MeshConfigLoaderTests
{
    private static string S(YMapping m, string key) => ((YScalar)m[key]!).Value;

    private static YMapping Pc(YMapping mesh) => (YMapping)mesh["defaultConfig"]!;

    [Fact]
    public void Empty_text_gives_istios_defaults()
    {
        var mesh = MeshConfigLoader.ApplyMeshConfig("");
        Assert.Equal("cluster.local", S(mesh, "trustDomain"));
        Assert.Equal("istio-system", S(mesh, "rootNamespace"));
        Assert.Equal("15001", S(mesh, "proxyListenPort"));
        Assert.Equal("15006", S(mesh, "proxyInboundListenPort"));
        Assert.Equal("PASSTHROUGH", S((YMapping)mesh["inboundTrafficPolicy"]!, "mode"));
        Assert.Equal("true", S(mesh, "enablePrometheusMerge"));
        Assert.Equal("true", S(mesh, "enableTracing"));
        var pc = Pc(mesh);
        Assert.Equal("./etc/istio/proxy", S(pc, "configPath"));
        Assert.Equal("/usr/local/bin/envoy", S(pc, "binaryPath"));
        Assert.Equal("istio-proxy", S(pc, "serviceCluster"));
        Assert.Equal("45s", S(pc, "drainDuration"));
        Assert.Equal("5s", S(pc, "terminationDrainDuration"));
        Assert.Equal("15000", S(pc, "proxyAdminPort"));
        Assert.Equal("MUTUAL_TLS", S(pc, "controlPlaneAuthPolicy"));
        Assert.Equal("istiod.istio-system.svc:15012", S(pc, "discoveryAddress"));
        Assert.Equal("189", S(pc, "statNameLength"));
        Assert.Equal("15020", S(pc, "statusPort"));
        Assert.Equal("REDIRECT", S(pc, "interceptionMode"));
    }

    [Fact]
    public void Top_level_fields_replace_the_defaults()
    {
        var mesh = MeshConfigLoader.ApplyMeshConfig("trustDomain: example.org\ninboundTrafficPolicy:\n  mode: LOCALHOST\nenablePrometheusMerge: false\n");
        Assert.Equal("example.org", S(mesh, "trustDomain"));
        Assert.Equal("LOCALHOST", S((YMapping)mesh["inboundTrafficPolicy"]!, "mode"));
        Assert.Equal("false", S(mesh, "enablePrometheusMerge"));
    }

    [Fact]
    public void Snake_case_top_level_names_are_accepted()
    {
        var mesh = MeshConfigLoader.ApplyMeshConfig("trust_domain: example.org\nproxy_listen_port: 15009\n");
        Assert.Equal("example.org", S(mesh, "trustDomain"));
        Assert.Equal("15009", S(mesh, "proxyListenPort"));
    }

    [Fact]
    public void Default_config_is_merged_field_by_field_onto_the_default_proxy_config()
    {
        var pc = Pc(MeshConfigLoader.ApplyMeshConfig("defaultConfig:\n  discoveryAddress: other:15012\n  holdApplicationUntilProxyStarts: true\n  proxyMetadata:\n    A: b\n"));
        Assert.Equal("other:15012", S(pc, "discoveryAddress"));
        Assert.Equal("45s", S(pc, "drainDuration"));
        Assert.Equal("true", S(pc, "holdApplicationUntilProxyStarts"));
        Assert.Equal("b", S((YMapping)pc["proxyMetadata"]!, "A"));
    }

    [Fact]
    public void Snake_case_fields_inside_default_config_are_accepted()
    {
        var pc = Pc(MeshConfigLoader.ApplyMeshConfig("defaultConfig:\n  proxy_metadata:\n    A: b\n  status_port: 15021\n"));
        Assert.Equal("15021", S(pc, "statusPort"));
        Assert.Equal("b", S((YMapping)pc["proxyMetadata"]!, "A"));
    }

    [Fact]
    public void Default_providers_are_merged_field_by_field()
    {
        var mesh = MeshConfigLoader.ApplyMeshConfig("defaultProviders:\n  metrics:\n  - prometheus\n");
        var dp = (YMapping)mesh["defaultProviders"]!;
        Assert.Equal("prometheus", ((YScalar)((YSequence)dp["metrics"]!)[0]).Value);
    }

    [Fact]
    public void Extension_providers_are_merged_by_name()
    {
        var mesh = MeshConfigLoader.ApplyMeshConfig("""
            extensionProviders:
            - name: envoy
              envoyFileAccessLog:
                path: /dev/stderr
            - name: otel
              opentelemetry:
                service: otel.svc
                port: 4317
            """);
        var names = ((YSequence)mesh["extensionProviders"]!).Items.Select(i => S((YMapping)i, "name"));
        Assert.Equal(["prometheus", "stackdriver", "envoy", "otel"], names);
        var envoy = (YMapping)((YSequence)mesh["extensionProviders"]!)[2];
        Assert.Equal("/dev/stderr", S((YMapping)envoy["envoyFileAccessLog"]!, "path"));
    }

    [Fact]
    public void Trust_domain_aliases_are_a_sorted_set()
    {
        var mesh = MeshConfigLoader.ApplyMeshConfig("trustDomainAliases: [b.org, a.org, b.org]\n");
        Assert.Equal(["a.org", "b.org"], ((YSequence)mesh["trustDomainAliases"]!).Items.Select(i => ((YScalar)i).Value));
    }

    [Fact]
    public void Json_text_is_accepted()
    {
        var mesh = MeshConfigLoader.ApplyMeshConfig("""{"rootNamespace": "custom", "defaultConfig": {"concurrency": 4}}""");
        Assert.Equal("custom", S(mesh, "rootNamespace"));
        Assert.Equal("4", S(Pc(mesh), "concurrency"));
    }

    [Fact]
    public void Invalid_default_config_fails_validation_with_istios_text()
    {
        var e = Assert.Throws<KubeInjectException>(() => MeshConfigLoader.ApplyMeshConfig("defaultConfig:\n  discoveryAddress: nocolon\n"));
        Assert.Equal("1 error occurred:\n\t* invalid discovery address: unable to split \"nocolon\": address nocolon: missing port in address", e.Message);
    }

    [Fact]
    public void Wrongly_typed_field_is_refused()
    {
        var e = Assert.Throws<KubeInjectException>(() => MeshConfigLoader.ApplyMeshConfig("proxyListenPort: lots\n", "mesh.yaml"));
        Assert.StartsWith("failed to convert to proto. ", e.Message);
        Assert.Equal(1, e.Location!.Line);
    }

    [Fact]
    public void Syntax_error_reports_the_line()
    {
        var e = Assert.Throws<KubeInjectException>(() => MeshConfigLoader.ApplyMeshConfig("trustDomain: a\n  bad: [\n", "mesh.yaml"));
        Assert.Equal("mesh.yaml", e.Location!.File);
        Assert.True(e.Location.Line >= 2);
    }
}
