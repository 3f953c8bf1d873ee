using KubeInject.Diagnostics;
using KubeInject.Merging;
using KubeInject.Pod;
using KubeInject.PostProcessing;
using KubeInject.Yaml;
using static KubeInject.Tests.Merging.TestYaml;

namespace KubeInject.Tests.Merging;

public class PodInjectorTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: hello}
        spec:
          template:
            spec:
              containers:
              - name: hello
                image: hello:1.0
                ports: [{name: http, containerPort: 80}]
                readinessProbe: {httpGet: {port: http}}
              volumes:
              - name: data
        """;

    private const string Template = """
        metadata:
          labels: {security.istio.io/tlsMode: istio}
          annotations: {istio.io/rev: default}
        spec:
          initContainers:
          - name: istio-init
            args: [istio-iptables, -u, "1337"]
          containers:
          - name: istio-proxy
            image: proxyv2
            env:
            - name: ISTIO_META_NETWORK
              value: n0
          volumes:
          - name: istio-envoy
          - name: istiod-ca-cert
        """;

    private static readonly InjectionContext Context = new() { RewriteAppHttpProbe = true, Network = "net1" };

    [Fact]
    public void A_deployment_is_injected_in_place_through_the_wrapper()
    {
        var doc = Map(Deployment);
        var template = (YMapping)At(doc, "spec", "template");
        var pod = PodInjector.Wrap(template, template);
        var names = PodStages.MergeAndPostProcess(pod, [Map(Template)], Context, PostProcessOptions.AllOff);

        Assert.Equal(new[] { "istio-init" }, names.InitContainers);
        Assert.Equal(new[] { "istio-envoy", "istiod-ca-cert" }, names.Volumes);
        Assert.Equal("metadata,spec", string.Join(",", template.Entries.Select(e => e.Name)));
        Assert.Equal("hello,istio-proxy", Names(doc, "spec", "template", "spec", "containers"));
        Assert.Equal("containers,initContainers,volumes", string.Join(",", ((YMapping)At(template, "spec")).Entries.Select(e => e.Name)));
        Assert.Equal("istio-envoy,istiod-ca-cert,data", Names(doc, "spec", "template", "spec", "volumes"));
        Assert.Equal("{httpGet: {path: /app-health/hello/readyz, port: 15020}}", Text(template, "spec", "containers", 0, "readinessProbe"));
        Assert.Equal("ISTIO_META_NETWORK,ISTIO_KUBE_APP_PROBERS", Names(template, "spec", "containers", 1, "env"));
        Assert.Equal("""{"/app-health/hello/readyz":{"httpGet":{"port":80}}}""", ((YScalar)At(template, "spec", "containers", 1, "env", 1, "value")).Value);
        Assert.Equal("net1", ((YScalar)At(template, "spec", "containers", 1, "env", 0, "value")).Value);
        Assert.Equal("{security.istio.io/tlsMode: istio, topology.istio.io/network: net1}", Text(template, "metadata", "labels"));
        var annotations = (YMapping)At(template, "metadata", "annotations");
        Assert.Equal("istio.io/rev,prometheus.io/port,prometheus.io/path,prometheus.io/scrape,sidecar.istio.io/status", string.Join(",", annotations.Entries.Select(e => e.Name)));
        Assert.Equal("""{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy","istiod-ca-cert"],"imagePullSecrets":null,"revision":"default"}""",
            ((YScalar)annotations["sidecar.istio.io/status"]!).Value);
    }

    [Fact]
    public void Untouched_parts_of_the_workload_keep_their_nodes()
    {
        var doc = Map(Deployment);
        var template = (YMapping)At(doc, "spec", "template");
        var hello = At(template, "spec", "containers", 0);
        var ports = At(hello, "ports");
        PodStages.MergeAndPostProcess(PodInjector.Wrap(template, template), [Map(Template)], Context, PostProcessOptions.AllOff);
        Assert.Same(hello, At(template, "spec", "containers", 0));
        Assert.Same(ports, At(template, "spec", "containers", 0, "ports"));
        Assert.True(ports.IsPristine);
        Assert.True(At(doc, "metadata").IsPristine);
    }

    [Fact]
    public void Native_sidecars_move_a_user_proxy_from_containers_into_init_containers()
    {
        var pod = Map("spec:\n  containers:\n  - name: app\n  - name: istio-proxy\n    image: auto\n    args: [-c, x]\n");
        var template = Map("spec:\n  initContainers:\n  - name: istio-init\n  - name: istio-proxy\n    image: proxyv2\n    restartPolicy: Always\n    args: [proxy]\n");
        var names = PodStages.MergeAndPostProcess(pod, [template], new InjectionContext { NativeSidecars = true }, PostProcessOptions.AllOff);
        Assert.Equal("app", Names(pod, "spec", "containers"));
        Assert.Equal("istio-init,istio-proxy", Names(pod, "spec", "initContainers"));
        Assert.Equal("[-c, x]", Text(pod, "spec", "initContainers", 1, "args"));
        Assert.Equal("proxyv2", Text(pod, "spec", "initContainers", 1, "image"));
        Assert.Empty(names.Containers);
        Assert.Equal("""{"initContainers":[{"name":"istio-proxy","args":["-c","x"],"resources":{}}]}""",
            ((YScalar)At(pod, "metadata", "annotations", "proxy.istio.io/overrides")).Value);
    }

    [Fact]
    public void Merge_errors_carry_istios_prefixes()
    {
        var pod = Map("spec:\n  containers:\n  - image: nameless\n");
        var e = Assert.Throws<KubeInjectException>(() => PodStages.MergeAndPostProcess(pod, [Map(Template)], Context, PostProcessOptions.AllOff));
        Assert.Equal("failed to run injection template: failed parsing generated injected YAML (check Istio sidecar injector configuration): strategic merge: map: map[image:nameless] does not contain declared merge key: name", e.Message);
    }
}
