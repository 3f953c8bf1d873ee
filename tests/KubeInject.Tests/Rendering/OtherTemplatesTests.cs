using KubeInject.Yaml;

namespace KubeInject.Tests.Rendering;

/// <summary>The stock gateway, grpc-agent and grpc-simple templates.</summary>
public class OtherTemplatesTests
{
    [Fact]
    public void Gateway_runs_a_router_without_init_containers()
    {
        var r = RenderFixture.Render(RenderFixture.Data(), "gateway");
        Assert.Null(r.At("spec", "initContainers"));
        Assert.Null(r.At("metadata", "labels", "security.istio.io/tlsMode"));
        var proxy = r.At("spec", "containers").Named("istio-proxy");
        Assert.Equal("router", proxy.Text("args", 1));
        Assert.Equal("1337", proxy.Text("securityContext", "runAsUser"));
        Assert.Null(proxy.At("resources"));
        Assert.Equal("0", r.At("spec", "securityContext", "sysctls").Named("net.ipv4.ip_unprivileged_port_start").Text("value"));
        var socket = r.At("spec", "volumes").Named("workload-socket");
        Assert.Equal(0, Assert.IsType<YMapping>(socket.At("emptyDir")).Count);
        Assert.Equal("hello", r.Text("metadata", "annotations", "kubectl.kubernetes.io/default-container"));
    }

    [Fact]
    public void Gateway_security_context_comes_from_values_when_set()
    {
        var values = RenderFixture.WithValue("gateways.securityContext", "{\"runAsUser\": 1000, \"fsGroup\": 1}");
        var r = RenderFixture.Render(RenderFixture.Data(values: values), "gateway");
        Assert.Equal("1000", r.Text("spec", "securityContext", "runAsUser"));
        Assert.Null(r.At("spec", "securityContext", "sysctls"));
    }

    [Fact]
    public void Grpc_agent_wires_every_app_container_to_the_agent()
    {
        var r = RenderFixture.Render(RenderFixture.Data(), "grpc-agent");
        Assert.Equal("false", r.Text("metadata", "annotations", "sidecar.istio.io/rewriteAppHTTPProbers"));
        var containers = r.At("spec", "containers");
        Assert.Equal("grpc", containers.Named("istio-proxy").Env("ISTIO_META_GENERATOR"));
        Assert.Equal("15020", containers.Named("istio-proxy").Text("readinessProbe", "httpGet", "port"));
        Assert.Equal("/etc/istio/proxy/grpc-bootstrap.json", containers.Named("hello").Env("GRPC_XDS_BOOTSTRAP"));
        Assert.NotNull(r.At("spec", "volumes").Named("istio-xds"));
    }

    [Fact]
    public void Grpc_simple_adds_a_bootstrap_init_container()
    {
        var r = RenderFixture.Render(RenderFixture.Data(), "grpc-simple");
        var init = r.At("spec", "initContainers").Named("grpc-bootstrap-init");
        Assert.Equal("istio-system\n", init.Env("ISTIO_NAMESPACE"));
        Assert.Equal("99", r.At("spec", "containers").Named("hello").Env("GRPC_GO_LOG_VERBOSITY_LEVEL"));
    }
}
