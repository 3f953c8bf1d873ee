using KubeInject.Settings;

namespace KubeInject.Tests.Settings;

public class ProxyConfigJsonTests
{
    // settings/default/mesh.yaml of the 1.23.0 corpus.
    private const string DefaultMesh = """
        defaultConfig:
          discoveryAddress: istiod.istio-system.svc:15012
        defaultProviders:
          metrics:
          - prometheus
        enablePrometheusMerge: true
        rootNamespace: istio-system
        trustDomain: cluster.local
        """;

    private static string Effective(string mesh, string? annotation) =>
        ProxyConfigJson.Format(ProxyConfigOverlay.ProxyConfigOf(ProxyConfigOverlay.Apply(MeshConfigLoader.ApplyMeshConfig(mesh), annotation)));

    [Fact]
    public void Default_mesh_without_annotation_gives_empty_object()
    {
        Assert.Equal("{}", Effective(DefaultMesh, null));
    }

    [Fact]
    public void Traffic_annotations_case_merges_mesh_metadata_with_annotation()
    {
        // meshOverrides of case traffic-annotations, and its pod annotation.
        var meshText = DefaultMesh.Replace(
            "  discoveryAddress: istiod.istio-system.svc:15012",
            "  discoveryAddress: istiod.istio-system.svc:15012\n  proxyMetadata:\n    ISTIO_META_TLS_CLIENT_KEY: /etc/identity/client/keys/client-key.pem");
        const string annotation = """
            discoveryAddress: foo:123
            concurrency: 0
            proxyMetadata:
              FOO: bar
              ISTIO_META_TLS_CLIENT_KEY: /etc/identity2/client/keys/client-key.pem
            """;
        Assert.Equal(
            """{"discoveryAddress":"foo:123","concurrency":0,"proxyMetadata":{"FOO":"bar","ISTIO_META_TLS_CLIENT_KEY":"/etc/identity2/client/keys/client-key.pem"}}""",
            Effective(meshText, annotation));
    }

    [Fact]
    public void Hold_application_annotation_in_json_is_written_as_bare_bool()
    {
        Assert.Equal("""{"holdApplicationUntilProxyStarts":true}""", Effective(DefaultMesh, """{ "holdApplicationUntilProxyStarts": true }"""));
    }

    [Fact]
    public void Tproxy_interception_mode_from_mesh_is_written_by_name()
    {
        var mesh = DefaultMesh.Replace("  discoveryAddress: istiod.istio-system.svc:15012", "  discoveryAddress: istiod.istio-system.svc:15012\n  interceptionMode: TPROXY");
        Assert.Equal("""{"interceptionMode":"TPROXY"}""", Effective(mesh, null));
    }

    [Fact]
    public void Empty_tracing_message_from_mesh_is_still_written()
    {
        var mesh = DefaultMesh.Replace("  discoveryAddress: istiod.istio-system.svc:15012", "  discoveryAddress: istiod.istio-system.svc:15012\n  tracing: {}");
        Assert.Equal("""{"tracing":{}}""", Effective(mesh, null));
    }

    [Theory]
    [InlineData("drainDuration: 23s", """{"drainDuration":"23s"}""")]
    [InlineData("drainDuration: 1.5s", """{"drainDuration":"1.500s"}""")]
    [InlineData("drainDuration: 1m30s", """{"drainDuration":"90s"}""")]
    [InlineData("drain_duration: 45s", "{}")]
    [InlineData("interceptionMode: REDIRECT", "{}")]
    [InlineData("interceptionMode: 1", """{"interceptionMode":"TPROXY"}""")]
    [InlineData("serviceCluster: istio-proxy", "{}")]
    [InlineData("serviceCluster: other", """{"serviceCluster":"other"}""")]
    [InlineData("tracingServiceName: CANONICAL_NAME_ONLY", """{"tracingServiceName":"CANONICAL_NAME_ONLY"}""")]
    [InlineData("tracingServiceName: APP_LABEL_AND_NAMESPACE", """{"tracingServiceName":"APP_LABEL_AND_NAMESPACE"}""")]
    [InlineData("statusPort: 15021\nproxyAdminPort: 15000", """{"statusPort":15021}""")]
    [InlineData("proxyMetadata: {}", "{}")]
    [InlineData("proxyMetadata:\n  B: \"<&>\"\n  A: x", """{"proxyMetadata":{"A":"x","B":"\u003c\u0026\u003e"}}""")]
    [InlineData("image:\n  imageType: distroless", """{"image":{"imageType":"distroless"}}""")]
    [InlineData("controlPlaneAuthPolicy: NONE", "{}")]
    [InlineData("extraStatTags: [a, b]\nmeshId: m", """{"extraStatTags":["a","b"],"meshId":"m"}""")]
    [InlineData("tracing:\n  sampling: 100\n  zipkin:\n    address: z:9411", """{"tracing":{"zipkin":{"address":"z:9411"},"sampling":100}}""")]
    [InlineData("holdApplicationUntilProxyStarts: false", """{"holdApplicationUntilProxyStarts":false}""")]
    [InlineData("unknownField: 1\nconcurrency: 2", """{"concurrency":2}""")]
    [InlineData("concurrency: null", "{}")]
    [InlineData("statusPort: 15021.0", """{"statusPort":15021}""")]
    [InlineData("statusPort: \"15021\"", """{"statusPort":15021}""")]
    [InlineData("proxy_metadata:\n  A: b", """{"proxyMetadata":{"A":"b"}}""")]
    [InlineData("tracing:\n  sampling: 0.0000001", """{"tracing":{"sampling":1e-7}}""")]
    public void Annotation_fields_are_written_in_declaration_order_without_defaults(string annotation, string expected)
    {
        Assert.Equal(expected, Effective(DefaultMesh, annotation));
    }

    [Fact]
    public void Fields_are_ordered_by_proto_declaration_not_input_order()
    {
        Assert.Equal(
            """{"drainDuration":"23s","discoveryAddress":"foo:123","concurrency":0,"interceptionMode":"TPROXY","terminationDrainDuration":"7s","holdApplicationUntilProxyStarts":true}""",
            Effective(DefaultMesh, "holdApplicationUntilProxyStarts: true\nterminationDrainDuration: 7s\ninterceptionMode: TPROXY\nconcurrency: 0\ndiscoveryAddress: foo:123\ndrainDuration: 23s"));
    }
}
