using KubeInject.Diagnostics;

namespace KubeInject.Tests.Injection;

/// <summary>One <see cref="WorkloadReport"/> per workload, in input order, with Istio's wording for skips.</summary>
public class InjectorReportTests
{
    private static InjectionResult Inject(string text) => new Injector(new InjectionOptions()).Inject(text, "apps/in.yaml");

    private const string Stream = """
        apiVersion: v1
        kind: Service
        metadata:
          name: svc
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: hostnet
          namespace: ns
        spec:
          template:
            spec:
              hostNetwork: true
              containers:
              - name: a
                image: nginx
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: opted-out
          labels:
            sidecar.istio.io/inject: "false"
        spec:
          containers:
          - name: a
            image: nginx
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: sys
          namespace: kube-system
        spec:
          containers:
          - name: a
            image: nginx
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: data
        spec:
          serviceName: db
          template:
            metadata:
              labels: {app: db}
            spec:
              containers:
              - name: db
                image: postgres
        """;

    [Fact]
    public void There_is_one_report_per_workload_in_input_order_and_none_for_other_objects()
    {
        var reports = Inject(Stream).Workloads;
        Assert.Equal(["Deployment ns/hostnet", "Pod opted-out", "Pod kube-system/sys", "StatefulSet data/db"], reports.Select(r => r.DisplayName));
    }

    [Fact]
    public void Reports_carry_kind_namespace_name_and_location()
    {
        var reports = Inject(Stream).Workloads;
        Assert.Equal(("Deployment", "ns", "hostnet"), (reports[0].Kind, reports[0].Namespace, reports[0].Name));
        Assert.Equal(new SourceLocation("apps/in.yaml", 1, 6, 1), reports[0].Location);
        Assert.Equal(new SourceLocation("apps/in.yaml", 2, 19, 1), reports[1].Location);
        Assert.Equal(new SourceLocation("apps/in.yaml", 3, 30, 1), reports[2].Location);
        Assert.Equal(new SourceLocation("apps/in.yaml", 4, 40, 1), reports[3].Location);
        Assert.Equal("apps/in.yaml:40:1 (document 5)", reports[3].Location.ToString());
    }

    [Fact]
    public void A_host_network_workload_is_reported_as_skipped_with_istios_sentence()
    {
        var r = Inject(Stream).Workloads[0];
        Assert.False(r.Injected);
        Assert.Equal("host_network_enabled", r.Reason!.Code);
        Assert.Equal("Skipping injection because Deployment \"ns/hostnet\" has host networking enabled", r.SkipMessage);
        Assert.Null(r.ProxyImage);
    }

    [Fact]
    public void A_disabled_workload_without_namespace_is_reported_with_its_bare_name()
    {
        var r = Inject(Stream).Workloads[1];
        Assert.False(r.Injected);
        Assert.Equal("injection_disabled", r.Reason!.Code);
        Assert.Equal("Skipping injection because Pod \"opted-out\" has sidecar injection disabled", r.SkipMessage);
    }

    [Fact]
    public void A_pod_in_an_ignored_namespace_is_reported_with_istios_disabled_sentence()
    {
        var r = Inject(Stream).Workloads[2];
        Assert.False(r.Injected);
        Assert.Equal("ignored_namespace", r.Reason!.Code);
        Assert.Equal("Skipping injection because Pod \"kube-system/sys\" has sidecar injection disabled", r.SkipMessage);
    }

    [Fact]
    public void An_injected_workload_reports_the_bundled_proxy_image_and_no_reason()
    {
        var r = Inject(Stream).Workloads[3];
        Assert.True(r.Injected);
        Assert.Null(r.Reason);
        Assert.Null(r.SkipMessage);
        Assert.Equal(Versions.BundledVersions.DefaultProxyImage, r.ProxyImage);
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void A_yaml_1_1_boolean_name_is_reported_as_go_would_decode_it()
    {
        // `name: off` is a YAML 1.1 boolean; Kubernetes' decoder stores it in the string field as "false" (spec §1.2).
        var r = Assert.Single(Inject("apiVersion: v1\nkind: Pod\nmetadata:\n  name: off\n  namespace: n\nspec:\n  hostNetwork: true\n  containers:\n  - {name: a, image: x}\n").Workloads);
        Assert.Equal("Skipping injection because Pod \"false/false\" has host networking enabled", r.SkipMessage);
    }

    [Fact]
    public void Changed_is_true_when_a_workload_was_injected()
    {
        var result = Inject(Stream);
        Assert.True(result.Changed);
        Assert.NotEqual(Stream, result.Output);
    }

    [Fact]
    public void Changed_is_false_when_every_workload_was_skipped()
    {
        var onlySkipped = Stream[..Stream.IndexOf("---\napiVersion: apps/v1\nkind: StatefulSet", StringComparison.Ordinal)];
        var result = Inject(onlySkipped);
        Assert.False(result.Changed);
        Assert.Equal(onlySkipped, result.Output);
        Assert.Equal(3, result.Workloads.Count);
    }

    [Fact]
    public void Workloads_inside_a_list_are_reported_at_their_item_line()
    {
        var text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: s}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p, namespace: ns1}\n  spec:\n    containers:\n    - {name: a, image: nginx}\n";
        var r = Assert.Single(Inject(text).Workloads);
        Assert.Equal(("Pod", "ns1", "p", true), (r.Kind, r.Namespace, r.Name, r.Injected));
        Assert.Equal(new SourceLocation("apps/in.yaml", 0, 7, 3), r.Location);
    }
}
