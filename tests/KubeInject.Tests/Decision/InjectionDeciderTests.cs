using KubeInject.Decision;
using static KubeInject.Tests.Decision.WorkloadYaml;

namespace KubeInject.Tests.Decision;

/// <summary>Spec §2: host networking, ignored namespaces (of the pod template), the sidecar.istio.io/inject label/annotation.</summary>
public class InjectionDeciderTests
{
    private static InjectionDecision Decide(string yaml, bool strict = false) => InjectionDecider.Decide(Single(yaml), strict);

    private static string WithInject(string where, string value) => where switch
    {
        "label" => Deployment($"      labels:\n        app: web\n        sidecar.istio.io/inject: {value}\n"),
        "annotation" => Deployment($"      annotations:\n        sidecar.istio.io/inject: {value}\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(where)),
    };

    [Fact]
    public void A_plain_deployment_is_injected_without_warnings()
    {
        var d = Decide(Deployment());
        Assert.True(d.Inject);
        Assert.Null(d.Reason);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void A_pod_template_with_host_network_true_is_skipped_for_host_networking()
    {
        var d = Decide(Deployment(podSpecExtra: "      hostNetwork: true\n"));
        Assert.False(d.Inject);
        Assert.Equal(SkipReason.HostNetwork, d.Reason);
        Assert.Equal("host_network_enabled", d.Reason!.Code);
    }

    [Fact]
    public void Host_network_false_does_not_prevent_injection()
    {
        Assert.True(Decide(Deployment(podSpecExtra: "      hostNetwork: false\n")).Inject);
    }

    [Fact]
    public void A_bare_pod_with_host_network_is_skipped()
    {
        var d = Decide(WorkloadYaml.Pod(specExtra: "  hostNetwork: true\n"));
        Assert.Equal(SkipReason.HostNetwork, d.Reason);
    }

    [Fact]
    public void Host_networking_wins_over_an_explicit_inject_true_label()
    {
        var d = Decide(Deployment("      labels:\n        sidecar.istio.io/inject: \"true\"\n", podSpecExtra: "      hostNetwork: true\n"));
        Assert.Equal(SkipReason.HostNetwork, d.Reason);
    }

    [Fact]
    public void A_deployment_in_kube_system_is_injected_because_only_the_pod_template_namespace_counts()
    {
        var d = Decide(Deployment(deploymentMetadata: "  name: web\n  namespace: kube-system\n"));
        Assert.True(d.Inject);
    }

    [Theory]
    [InlineData("kube-system")]
    [InlineData("kube-public")]
    [InlineData("kube-node-lease")]
    [InlineData("local-path-storage")]
    public void A_deployment_whose_template_metadata_names_an_ignored_namespace_is_skipped(string ns)
    {
        var d = Decide(Deployment($"      namespace: {ns}\n      labels:\n        app: web\n"));
        Assert.False(d.Inject);
        Assert.Equal(SkipReason.IgnoredNamespace, d.Reason);
    }

    [Fact]
    public void A_bare_pod_in_kube_system_is_skipped()
    {
        var d = Decide(WorkloadYaml.Pod("  name: web\n  namespace: kube-system\n"));
        Assert.Equal(SkipReason.IgnoredNamespace, d.Reason);
    }

    [Fact]
    public void A_bare_pod_in_an_ordinary_namespace_is_injected()
    {
        Assert.True(Decide(WorkloadYaml.Pod("  name: web\n  namespace: kube-systemx\n")).Inject);
    }

    [Fact]
    public void The_label_beats_the_annotation_when_the_label_says_false()
    {
        var d = Decide(Deployment("      annotations:\n        sidecar.istio.io/inject: \"true\"\n      labels:\n        sidecar.istio.io/inject: \"false\"\n"));
        Assert.Equal(SkipReason.InjectionDisabled, d.Reason);
    }

    [Fact]
    public void The_label_beats_the_annotation_when_the_label_says_true()
    {
        var d = Decide(Deployment("      annotations:\n        sidecar.istio.io/inject: \"false\"\n      labels:\n        sidecar.istio.io/inject: \"true\"\n"));
        Assert.True(d.Inject);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("''")]
    [InlineData("")]
    public void An_empty_label_beats_an_annotation_that_disables_injection(string empty)
    {
        var d = Decide(Deployment($"      annotations:\n        sidecar.istio.io/inject: \"false\"\n      labels:\n        sidecar.istio.io/inject: {empty}\n"));
        Assert.True(d.Inject);
    }

    [Theory]
    [InlineData("label", "\"y\"")]
    [InlineData("label", "\"yes\"")]
    [InlineData("label", "\"true\"")]
    [InlineData("label", "\"on\"")]
    [InlineData("label", "\"Y\"")]
    [InlineData("label", "\"YES\"")]
    [InlineData("label", "\"True\"")]
    [InlineData("label", "\"ON\"")]
    [InlineData("annotation", "\"y\"")]
    [InlineData("annotation", "\"Yes\"")]
    [InlineData("annotation", "\"TRUE\"")]
    [InlineData("annotation", "\"oN\"")]
    [InlineData("annotation", "yes")] // YAML 1.1 boolean: arrives as "true"
    [InlineData("annotation", "on")]
    [InlineData("label", "true")]
    public void Istio_1_23_accepts_y_yes_true_on_in_any_case(string where, string value)
    {
        var d = Decide(WithInject(where, value));
        Assert.True(d.Inject);
        Assert.Empty(d.Warnings);
    }

    [Theory]
    [InlineData("label", "\"false\"")]
    [InlineData("label", "\"no\"")]
    [InlineData("label", "\"n\"")]
    [InlineData("label", "\"off\"")]
    [InlineData("label", "\"0\"")]
    [InlineData("label", "\"1\"")]
    [InlineData("label", "\"enabled\"")]
    [InlineData("label", "\" true\"")]
    [InlineData("annotation", "\"false\"")]
    [InlineData("annotation", "\"garbage\"")]
    [InlineData("annotation", "no")] // YAML 1.1 boolean: arrives as "false"
    [InlineData("annotation", "1")]
    public void Istio_1_23_skips_every_other_non_empty_value(string where, string value)
    {
        var d = Decide(WithInject(where, value));
        Assert.False(d.Inject);
        Assert.Equal(SkipReason.InjectionDisabled, d.Reason);
        Assert.Equal("injection_disabled", d.Reason!.Code);
    }

    [Theory]
    [InlineData("label")]
    [InlineData("annotation")]
    public void An_empty_value_uses_the_enabled_policy_and_injects(string where)
    {
        Assert.True(Decide(WithInject(where, "\"\"")).Inject);
    }

    [Fact]
    public void The_inject_key_is_matched_exactly_not_by_prefix()
    {
        Assert.True(Decide(Deployment("      labels:\n        sidecar.istio.io/injectx: \"false\"\n")).Inject);
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("true")]
    public void Strict_mode_injects_for_true_without_warning(string value)
    {
        var d = Decide(WithInject("label", value), strict: true);
        Assert.True(d.Inject);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void Strict_mode_skips_for_false()
    {
        var d = Decide(WithInject("annotation", "\"false\""), strict: true);
        Assert.Equal(SkipReason.InjectionDisabled, d.Reason);
        Assert.Empty(d.Warnings);
    }

    [Theory]
    [InlineData("\"yes\"", "yes")]
    [InlineData("\"on\"", "on")]
    [InlineData("\"True\"", "True")]
    [InlineData("\"no\"", "no")]
    [InlineData("\"FALSE\"", "FALSE")]
    [InlineData("\"garbage\"", "garbage")]
    public void Strict_mode_injects_with_a_warning_for_any_other_value(string yaml, string value)
    {
        var d = Decide(WithInject("label", yaml), strict: true);
        Assert.True(d.Inject);
        var warning = Assert.Single(d.Warnings);
        Assert.Equal($"Invalid value for sidecar.istio.io/inject: \"{value}\". Only 'true' and 'false' are accepted. Falling back to default injection policy.", warning);
    }

    [Fact]
    public void Strict_mode_treats_an_empty_value_as_the_default_without_warning()
    {
        var d = Decide(WithInject("label", "\"\""), strict: true);
        Assert.True(d.Inject);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void A_cronjob_is_decided_on_its_job_template_metadata_not_on_the_pod_template()
    {
        string cron(string jobMeta, string podMeta) =>
            "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: '* * * * *'\n  jobTemplate:\n" +
            "    metadata:\n" + jobMeta +
            "    spec:\n      template:\n        metadata:\n" + podMeta +
            "        spec:\n          containers:\n          - name: c\n            image: busybox\n";
        var offOnJob = Decide(cron("      labels:\n        sidecar.istio.io/inject: \"false\"\n", "          labels:\n            app: c\n"));
        var offOnPod = Decide(cron("      labels:\n        app: c\n", "          labels:\n            sidecar.istio.io/inject: \"false\"\n"));
        Assert.Equal(SkipReason.InjectionDisabled, offOnJob.Reason);
        Assert.True(offOnPod.Inject);
    }
}
