using KubeInject.Merging;
using KubeInject.Yaml;
using static KubeInject.Tests.Merging.TestYaml;

namespace KubeInject.Tests.Merging;

public class PreviousInjectionTests
{
    private const string Injected = """
        metadata:
          annotations:
            prometheus.io/port: "15020"
            prometheus.io.scrape: "true"
            other: x
            sidecar.istio.io/status: '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["v"],"imagePullSecrets":null,"revision":"default"}'
            proxy.istio.io/overrides: '{"containers":[{"name":"istio-proxy","image":"foo/bar","resources":{}}]}'
        spec:
          initContainers: [{name: istio-init}, {name: user-init}]
          containers: [{name: app}, {name: istio-proxy, image: injected}]
        """;

    [Fact]
    public void Injected_containers_status_and_istio_prometheus_annotations_are_stripped_and_overrides_reinserted()
    {
        var pod = Map(Injected);
        var stripped = PreviousInjection.Strip(pod, 15020);
        Assert.Equal("other,proxy.istio.io/overrides", string.Join(",", ((YMapping)At(stripped, "metadata", "annotations")).Entries.Select(e => e.Name)));
        Assert.Equal("user-init", Names(stripped, "spec", "initContainers"));
        Assert.Equal("app,istio-proxy", Names(stripped, "spec", "containers"));
        Assert.Equal("foo/bar", ((YScalar)At(stripped, "spec", "containers", 1, "image")).Value);
    }

    [Fact]
    public void The_original_pod_is_not_modified()
    {
        var pod = Map(Injected);
        PreviousInjection.Strip(pod, 15020);
        Assert.True(pod.IsPristine);
    }

    [Fact]
    public void Prometheus_annotations_stay_when_they_point_elsewhere_and_an_unparseable_status_strips_nothing()
    {
        var stripped = PreviousInjection.Strip(Map(Injected.Replace("\"15020\"", "\"9090\"")), 15020);
        Assert.NotNull(((YMapping)At(stripped, "metadata", "annotations"))["prometheus.io/port"]);

        var broken = PreviousInjection.Strip(Map(Injected.Replace("'{\"initContainers\"", "'{nope")), 15020);
        Assert.Equal("istio-init,user-init", Names(broken, "spec", "initContainers"));
    }
}
