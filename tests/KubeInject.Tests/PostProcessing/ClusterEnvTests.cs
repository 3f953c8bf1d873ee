using KubeInject.Merging;
using KubeInject.Pod;
using KubeInject.PostProcessing;
using static KubeInject.Tests.Merging.TestYaml;

namespace KubeInject.Tests.PostProcessing;

public class ClusterEnvTests
{
    [Fact]
    public void Cluster_and_network_move_to_the_end_of_the_proxy_env_sorted_by_name()
    {
        var pod = Map("metadata:\n  labels: {topology.istio.io/network: lbl}\nspec:\n  containers:\n  - name: istio-proxy\n    env:\n    - {name: ISTIO_META_NETWORK, value: x}\n    - {name: A, value: a}\n");
        var envs = ClusterEnv.ProxyEnvs(pod, new InjectionContext { ClusterName = "c1", Network = "values" });
        ClusterEnv.Apply(pod, envs);
        Assert.Equal("[{name: A, value: a}, {name: ISTIO_META_CLUSTER_ID, value: c1}, {name: ISTIO_META_NETWORK, value: lbl}]", Text(pod, "spec", "containers", 0, "env"));
    }

    [Fact]
    public void An_env_already_in_shape_is_left_alone()
    {
        var pod = Map("spec:\n  containers:\n  - name: istio-proxy\n    env:\n    - {name: A, value: a}\n    - {name: ISTIO_META_NETWORK, value: net1}\n");
        ClusterEnv.Apply(pod, ClusterEnv.ProxyEnvs(pod, new InjectionContext { Network = "net1" }));
        Assert.True(pod.IsPristine);
    }
}
