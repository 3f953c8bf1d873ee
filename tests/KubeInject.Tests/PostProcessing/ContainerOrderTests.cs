using KubeInject.PostProcessing;
using static KubeInject.Tests.Merging.TestYaml;

namespace KubeInject.Tests.PostProcessing;

public class ContainerOrderTests
{
    [Theory]
    [InlineData("[istio-proxy, a, b]", false, "a,b,istio-proxy")]
    [InlineData("[a, istio-proxy, b]", true, "istio-proxy,a,b")]
    [InlineData("[istio-proxy, a, istio-proxy]", false, "a,istio-proxy")]
    public void The_proxy_goes_last_or_first_when_the_app_waits_for_it(string names, bool hold, string expected)
    {
        var pod = Map("spec:\n  containers: " + Items(names) + "\n");
        ContainerOrder.Apply(pod, hold);
        Assert.Equal(expected, Names(pod, "spec", "containers"));
    }

    [Theory]
    [InlineData("[istio-init, user, istio-validation, enable-core-dump]", "istio-validation,user,istio-init,enable-core-dump")]
    [InlineData("[user, enable-core-dump, istio-proxy, istio-init]", "istio-init,istio-proxy,enable-core-dump,user")]
    public void Init_containers_follow_the_native_and_classic_rules(string names, string expected)
    {
        var pod = Map("spec:\n  containers: [{name: a}]\n  initContainers: " + Items(names) + "\n");
        ContainerOrder.Apply(pod, false);
        Assert.Equal(expected, Names(pod, "spec", "initContainers"));
    }

    [Fact]
    public void Lists_already_in_order_are_not_touched()
    {
        var pod = Map("spec:\n  initContainers:\n  - name: user\n  - name: istio-init\n  containers:\n  - name: a\n  - name: istio-proxy\n");
        ContainerOrder.Apply(pod, false);
        Assert.True(pod.IsPristine);
    }

    private static string Items(string names) =>
        "[" + string.Join(", ", names.Trim('[', ']').Split(", ").Select(n => "{name: " + n + "}")) + "]";
}
