using KubeInject.Go.Protojson;
using KubeInject.Settings;
using KubeInject.Yaml;

namespace KubeInject.Tests.Go.Protojson;

public class ProtoFieldAccessTests
{
    private static readonly YMapping Mesh = MeshConfigLoader.ApplyMeshConfig("defaultConfig:\n  concurrency: 0\n");
    private static readonly YMapping Pc = ProxyConfigOverlay.ProxyConfigOf(Mesh);

    [Theory]
    [InlineData("InterceptionMode", "REDIRECT")]
    [InlineData("interceptionMode", "REDIRECT")]
    [InlineData("StatusPort", "15020")]
    [InlineData("Concurrency", "0")]
    [InlineData("ProxyBootstrapTemplatePath", "")]
    [InlineData("MeshId", "")]
    [InlineData("StatsdUdpAddress", "")]
    [InlineData("DiscoveryAddress", "istiod.istio-system.svc:15012")]
    public void Set_and_unset_scalars_read_like_go_struct_fields(string name, string expected)
    {
        Assert.Equal(expected, ((YScalar)ProtoFieldAccess.ProxyConfigField(Pc, name)!).Value);
    }

    [Theory]
    [InlineData("HoldApplicationUntilProxyStarts")]
    [InlineData("Tracing")]
    [InlineData("ProxyMetadata")]
    [InlineData("Image")]
    [InlineData("TracingServiceName")]
    public void Unset_messages_wrappers_maps_and_other_oneof_members_are_nil(string name)
    {
        Assert.Null(ProtoFieldAccess.ProxyConfigField(Pc, name));
    }

    [Fact]
    public void Mesh_fields_are_found_by_go_name()
    {
        Assert.Equal("15001", ((YScalar)ProtoFieldAccess.MeshConfigField(Mesh, "ProxyListenPort")!).Value);
        Assert.Equal("cluster.local", ((YScalar)ProtoFieldAccess.MeshConfigField(Mesh, "TrustDomain")!).Value);
        Assert.IsType<YSequence>(ProtoFieldAccess.MeshConfigField(Mesh, "ServiceSettings"));
        Assert.Equal("proxyMetadata", ProtoFieldAccess.ProxyConfigJsonName("ProxyMetadata"));
    }
}
