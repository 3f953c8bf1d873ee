using KubeInject.Merging;
using KubeInject.Pod;
using KubeInject.PostProcessing;
using KubeInject.Yaml;
using static KubeInject.Tests.Merging.TestYaml;

namespace KubeInject.Tests.Merging;

public class OverrideReapplierTests
{
    private const string Template = """
        spec:
          initContainers:
          - name: istio-init
            args: [istio-iptables, -u, "1337", -m, REDIRECT]
          containers:
          - name: istio-proxy
            image: proxyv2
            args: [proxy, sidecar]
            securityContext: {runAsUser: 1337, runAsGroup: 1337, runAsNonRoot: true}
        """;

    [Fact]
    public void User_security_context_wins_and_is_recorded_in_the_overrides_annotation()
    {
        var pod = Map("""
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: a
              - name: istio-proxy
                image: auto
                securityContext: {runAsUser: 1234, runAsGroup: 4321}
            """);
        PodStages.MergeAndPostProcess(pod, [Map(Template)], new InjectionContext(), PostProcessOptions.AllOff);

        Assert.Equal("""{"containers":[{"name":"istio-proxy","resources":{},"securityContext":{"runAsUser":1234,"runAsGroup":4321}}]}""",
            ((YScalar)At(pod, "metadata", "annotations", "proxy.istio.io/overrides")).Value);
        var proxy = At(pod, "spec", "containers", 1);
        Assert.Equal("istio-proxy", ((YScalar)At(proxy, "name")).Value);
        Assert.Equal("proxyv2", ((YScalar)At(proxy, "image")).Value);
        Assert.Equal("{runAsUser: 1234, runAsGroup: 4321, runAsNonRoot: true}", Text(proxy, "securityContext"));
        Assert.Equal("[istio-iptables, -u, \"1234\", -m, REDIRECT]", Text(pod, "spec", "initContainers", 0, "args"));
    }

    [Fact]
    public void User_args_replace_template_args_and_image_is_kept_when_given()
    {
        var pod = Map("""
            spec:
              containers:
              - name: istio-proxy
                image: foo/bar
                command: [envoy]
                args: [-c, my-config.yaml]
            """);
        PodStages.MergeAndPostProcess(pod, [Map(Template)], new InjectionContext(), PostProcessOptions.AllOff);
        var proxy = At(pod, "spec", "containers", 0);
        Assert.Equal("[-c, my-config.yaml]", Text(proxy, "args"));
        Assert.Equal("foo/bar", ((YScalar)At(proxy, "image")).Value);
        Assert.Equal("""{"containers":[{"name":"istio-proxy","image":"foo/bar","command":["envoy"],"args":["-c","my-config.yaml"],"resources":{}}]}""",
            ((YScalar)At(pod, "metadata", "annotations", "proxy.istio.io/overrides")).Value);
    }

    [Fact]
    public void An_already_injected_pod_gets_no_new_overrides_annotation_and_injected_containers_are_not_overrides()
    {
        var pod = Map("""
            metadata:
              annotations:
                sidecar.istio.io/status: '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":null,"imagePullSecrets":null,"revision":"default"}'
            spec:
              containers:
              - name: app
              - name: istio-proxy
                image: old
                args: [old]
            """);
        PodStages.MergeAndPostProcess(pod, [Map(Template)], new InjectionContext(), PostProcessOptions.AllOff);
        Assert.Null(((YMapping)At(pod, "metadata", "annotations"))["proxy.istio.io/overrides"]);
        Assert.Equal("[proxy, sidecar]", Text(pod, "spec", "containers", 1, "args"));
        Assert.Equal("proxyv2", ((YScalar)At(pod, "spec", "containers", 1, "image")).Value);
    }

    [Fact]
    public void Tproxy_forces_the_proxy_to_root_but_still_rewrites_the_iptables_user()
    {
        var pod = Map("""
            spec:
              containers:
              - name: istio-proxy
                image: auto
                securityContext: {runAsUser: 1234}
            """);
        PodStages.MergeAndPostProcess(pod, [Map(Template)], new InjectionContext { InterceptionMode = "TPROXY" }, PostProcessOptions.AllOff);
        Assert.Equal("0", ((YScalar)At(pod, "spec", "containers", 0, "securityContext", "runAsUser")).Value);
        Assert.Equal("\"1234\"", Text(pod, "spec", "initContainers", 0, "args", 2));
    }

    [Fact]
    public void Validation_container_takes_the_users_ids_without_tproxy()
    {
        var pod = Map("""
            spec:
              containers:
              - name: istio-proxy
                image: auto
                securityContext: {runAsUser: 1234, runAsGroup: 4321}
            """);
        var template = Map("""
            spec:
              initContainers:
              - name: istio-validation
                args: [istio-iptables, -u, "1337"]
                securityContext: {runAsUser: 1337, runAsGroup: 1337}
              containers:
              - name: istio-proxy
                image: proxyv2
            """);
        PodStages.MergeAndPostProcess(pod, [template], new InjectionContext(), PostProcessOptions.AllOff);
        Assert.Equal("{runAsUser: 1234, runAsGroup: 4321}", Text(pod, "spec", "initContainers", 0, "securityContext"));
        Assert.Equal("[istio-iptables, -u, \"1234\"]", Text(pod, "spec", "initContainers", 0, "args"));
    }
}
