using KubeInject.Versions;
using KubeInject.Merging;
using KubeInject.Pod;
using KubeInject.PostProcessing;
using KubeInject.Yaml;
using static KubeInject.Tests.Merging.TestYaml;

namespace KubeInject.Tests.PostProcessing;

public class ProbeRewriterTests
{
    private static readonly InjectionContext Rewrite = new() { RewriteAppHttpProbe = true };

    private static string ProberEnv(YMapping pod)
    {
        var proxy = (YMapping)((YSequence)At(pod, "spec", "containers")).Items.Single(c => ((YScalar)((YMapping)c)["name"]!).Value == "istio-proxy");
        var env = ((YSequence)proxy["env"]!).Items.Cast<YMapping>().Single(e => ((YScalar)e["name"]!).Value == "ISTIO_KUBE_APP_PROBERS");
        return ((YScalar)env["value"]!).Value;
    }

    [Fact]
    public void Named_ports_resolve_per_container_and_exec_probes_are_ignored()
    {
        var pod = Map("""
            spec:
              containers:
              - name: hello
                ports: [{name: http, containerPort: 80}]
                livenessProbe: {httpGet: {port: http}}
                readinessProbe: {httpGet: {port: 3333, scheme: HTTPS}}
              - name: world
                ports: [{name: http, containerPort: 90}]
                livenessProbe: {httpGet: {port: http}}
                readinessProbe: {exec: {command: [cat]}}
              - name: istio-proxy
                env: [{name: A, value: b}]
            """);
        ProbeRewriter.Apply(pod, Rewrite, PostProcessOptions.AllOff);
        Assert.Equal("""{"/app-health/hello/livez":{"httpGet":{"port":80}},"/app-health/hello/readyz":{"httpGet":{"port":3333,"scheme":"HTTPS"}},"/app-health/world/livez":{"httpGet":{"port":90}}}""", ProberEnv(pod));
        Assert.Equal("{httpGet: {path: /app-health/hello/livez, port: 15020}}", Text(pod, "spec", "containers", 0, "livenessProbe"));
        Assert.Equal("{httpGet: {path: /app-health/hello/readyz, port: 15020, scheme: HTTP}}", Text(pod, "spec", "containers", 0, "readinessProbe"));
        Assert.Equal("{exec: {command: [cat]}}", Text(pod, "spec", "containers", 1, "readinessProbe"));
    }

    [Fact]
    public void Tcp_and_grpc_probes_become_http_gets_in_place_and_keep_their_other_fields()
    {
        var pod = Map("""
            spec:
              containers:
              - name: hello
                readinessProbe: {initialDelaySeconds: 3, tcpSocket: {port: 3333}, timeoutSeconds: 2}
                livenessProbe: {grpc: {port: 7070}}
              - name: istio-proxy
            """);
        ProbeRewriter.Apply(pod, Rewrite, PostProcessOptions.AllOff);
        Assert.Equal("{initialDelaySeconds: 3, httpGet: {path: /app-health/hello/readyz, port: 15020}, timeoutSeconds: 2}", Text(pod, "spec", "containers", 0, "readinessProbe"));
        Assert.Equal("{httpGet: {path: /app-health/hello/livez, port: 15020}}", Text(pod, "spec", "containers", 0, "livenessProbe"));
        Assert.Equal("""{"/app-health/hello/livez":{"grpc":{"port":7070,"service":null}},"/app-health/hello/readyz":{"tcpSocket":{"port":3333},"timeoutSeconds":2}}""", ProberEnv(pod));
    }

    [Fact]
    public void The_status_port_annotation_decides_the_rewritten_port_and_html_characters_are_escaped()
    {
        var pod = Map("""
            metadata:
              annotations: {status.sidecar.istio.io/port: "15999"}
            spec:
              initContainers:
              - name: init
                startupProbe: {httpGet: {path: "/a?b=<c>&d", port: 8080}}
              containers:
              - name: istio-proxy
            """);
        ProbeRewriter.Apply(pod, Rewrite, PostProcessOptions.AllOff);
        Assert.Equal("15999", Text(pod, "spec", "initContainers", 0, "startupProbe", "httpGet", "port"));
        Assert.Equal("""{"/app-health/init/startupz":{"httpGet":{"path":"/a?b=\u003cc\u003e\u0026d","port":8080}}}""", ProberEnv(pod));
    }

    [Fact]
    public void Nothing_changes_when_rewriting_is_off_or_there_is_no_sidecar()
    {
        const string yaml = "metadata:\n  annotations: {sidecar.istio.io/rewriteAppHTTPProbers: \"false\"}\nspec:\n  containers:\n  - name: a\n    readinessProbe: {httpGet: {port: 1}}\n  - name: istio-proxy\n";
        var off = Map(yaml);
        ProbeRewriter.Apply(off, Rewrite, PostProcessOptions.AllOff);
        Assert.True(off.IsPristine);
        var noSidecar = Map("spec:\n  containers:\n  - name: a\n    readinessProbe: {httpGet: {port: 1}}\n");
        ProbeRewriter.Apply(noSidecar, Rewrite, PostProcessOptions.AllOff);
        Assert.True(noSidecar.IsPristine);
    }

    [Fact]
    public void Re_injection_merges_old_probers_over_new_ones_and_1_23_does_not_add_missing_probers()
    {
        const string pod = """
            metadata:
              annotations: {sidecar.istio.io/status: "{}"}
            spec:
              containers:
              - name: hello
                readinessProbe: {httpGet: {port: 80}}
              - name: new
                livenessProbe: {httpGet: {path: /testLive, port: 8008}}
              - name: istio-proxy
                env: [ENV]
            """;
        var merged = Map(pod.Replace("[ENV]", """[{name: ISTIO_KUBE_APP_PROBERS, value: '{"/app-health/hello/readyz":{"httpGet":{"port":3333}}}'}]"""));
        ProbeRewriter.Apply(merged, Rewrite, PostProcessOptions.AllOff);
        Assert.Equal("""{"/app-health/hello/readyz":{"httpGet":{"port":3333}},"/app-health/new/livez":{"httpGet":{"path":"/testLive","port":8008}}}""", ProberEnv(merged));

        var missing123 = Map(pod.Replace("[ENV]", "[{name: X, value: y}]"));
        ProbeRewriter.Apply(missing123, Rewrite, PostProcessOptions.AllOff);
        Assert.Throws<InvalidOperationException>(() => ProberEnv(missing123));

        var missing129 = Map(pod.Replace("[ENV]", "[{name: X, value: y}]"));
        ProbeRewriter.Apply(missing129, Rewrite, PostProcessOptions.For(KubeInject.Versions.IstioVersions.Bundled.Resolve("1.29")));
        Assert.StartsWith("{\"/app-health/hello/readyz\"", ProberEnv(missing129));
    }

    [Fact]
    public void Lifecycle_hooks_are_rewritten_only_when_the_option_is_on()
    {
        const string yaml = "spec:\n  containers:\n  - name: a\n    lifecycle: {preStop: {tcpSocket: {port: 9}}, postStart: {exec: {command: [x]}}}\n  - name: istio-proxy\n";
        var old = Map(yaml);
        ProbeRewriter.Apply(old, Rewrite, PostProcessOptions.AllOff);
        Assert.Equal("{preStop: {tcpSocket: {port: 9}}, postStart: {exec: {command: [x]}}}", Text(old, "spec", "containers", 0, "lifecycle"));

        var now = Map(yaml);
        ProbeRewriter.Apply(now, Rewrite, PostProcessOptions.For(KubeInject.Versions.IstioVersions.Bundled.Resolve("1.29")));
        Assert.Equal("{preStop: {httpGet: {path: /app-lifecycle/a/prestopz, port: 15020}}, postStart: {exec: {command: [x]}}}", Text(now, "spec", "containers", 0, "lifecycle"));
        Assert.Equal("""{"/app-lifecycle/a/prestopz":{"tcpSocket":{"port":9}}}""", ProberEnv(now));
    }

    [Fact]
    public void A_probe_already_pointing_at_the_status_port_is_left_untouched()
    {
        var pod = Map("spec:\n  containers:\n  - name: a\n    readinessProbe:\n      httpGet:\n        path: /app-health/a/readyz\n        port: 15020\n  - name: istio-proxy\n");
        ProbeRewriter.Apply(pod, Rewrite, PostProcessOptions.AllOff);
        Assert.True(pod.IsPristine);
    }
}
