using KubeInject.Merging;
using KubeInject.Pod;
using KubeInject.PostProcessing;
using KubeInject.Yaml;
using static KubeInject.Tests.Merging.TestYaml;

namespace KubeInject.Tests.PostProcessing;

public class StatusAnnotationTests
{
    [Fact]
    public void Status_json_has_istios_field_order_and_null_for_empty_lists()
    {
        var names = new InjectedNames(["istio-init"], ["istio-proxy"], ["workload-socket", "istio-envoy"], []);
        Assert.Equal("""{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["workload-socket","istio-envoy"],"imagePullSecrets":null,"revision":"default"}""",
            StatusAnnotation.Json(names, ""));
        Assert.Equal("""{"initContainers":null,"containers":null,"volumes":null,"imagePullSecrets":null,"revision":"canary"}""",
            StatusAnnotation.Json(new InjectedNames([], [], [], []), "canary"));
    }

    [Fact]
    public void Network_label_is_set_when_a_network_is_known_and_an_equal_status_is_left_alone()
    {
        var names = new InjectedNames([], ["istio-proxy"], [], []);
        var json = StatusAnnotation.Json(names, "");
        var pod = Map($"metadata:\n  labels: {{app: a}}\n  annotations:\n    sidecar.istio.io/status: '{json}'\nspec: {{}}\n");
        StatusAnnotation.Apply(pod, names, new Dictionary<string, string>(), "", []);
        Assert.True(pod.IsPristine);

        StatusAnnotation.Apply(pod, names, new Dictionary<string, string> { ["ISTIO_META_NETWORK"] = "net1" }, "", []);
        Assert.Equal("{app: a, topology.istio.io/network: net1}", Text(pod, "metadata", "labels"));
    }
}
