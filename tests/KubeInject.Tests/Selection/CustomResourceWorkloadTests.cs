using KubeInject.Checking;
using KubeInject.Selection;
using KubeInject.Tests.Cli;

namespace KubeInject.Tests.Selection;

/// <summary>
/// Workloads beyond the built-in kinds: Argo Rollouts and OpenKruise from the built-in table, and a kind the user
/// declares. Istio's webhook injects the pods their controllers create, so kube-inject injects their pod templates.
/// </summary>
public sealed class CustomResourceWorkloadTests
{
    private static readonly WorkloadKindSpec Widget = new("example.com", "Widget", "spec.runner.template");

    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(CliSandbox.RepoRoot(), "tests", "KubeInject.Tests", "Selection", "Fixtures", name));

    private static InjectionOptions Options(params WorkloadKindSpec[] declared) => new() { Workloads = declared };

    public static TheoryData<string, string, string> Injectable() => new()
    {
        { "rollout-canary.yaml", "Rollout shop/rollouts-demo", "kubernetes://apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/rollouts-demo" },
        { "cloneset.yaml", "CloneSet sample", "kubernetes://apis/apps.kruise.io/v1alpha1/namespaces/default/clonesets/sample" },
        { "widget.yaml", "Widget gadget", "kubernetes://apis/example.com/v1/namespaces/default/widgets/gadget" },
    };

    [Theory]
    [MemberData(nameof(Injectable))]
    public void The_pod_template_is_injected_idempotently_and_uninjects_byte_for_byte(string file, string workload, string owner)
    {
        var input = Fixture(file);
        var injector = new Injector(Options(Widget));
        var result = injector.Inject(input, file);
        var report = Assert.Single(result.Workloads);
        Assert.Equal(workload, report.DisplayName);
        Assert.Equal("injected", report.Outcome);
        Assert.Contains("- name: istio-proxy", result.Output);
        Assert.Contains($"value: {owner}", result.Output);
        // The canonical name comes from the pod template's app label, as for the pods the controller creates.
        var app = file switch { "rollout-canary.yaml" => "rollouts-demo", "cloneset.yaml" => "sample", _ => "gadget" };
        Assert.Contains($"service.istio.io/canonical-name: {app}", result.Output);
        // The default container is the first app container.
        var first = file == "cloneset.yaml" ? "nginx" : app;
        Assert.Contains($"kubectl.kubernetes.io/default-container: {first}", result.Output);

        var again = injector.Inject(result.Output, file);
        Assert.Equal(result.Output, again.Output);
        Assert.Equal("up to date", Assert.Single(again.Workloads).Outcome);

        var back = new Uninjector(Options(Widget)).Uninject(result.Output, file);
        Assert.Equal(input, back.Output);
    }

    [Fact]
    public void The_rollouts_service_passes_through_and_canary_steps_are_kept()
    {
        var input = Fixture("rollout-canary.yaml");
        var output = new Injector(new InjectionOptions()).Inject(input, "rollout.yaml").Output;
        int service = input.IndexOf("---\napiVersion: v1\nkind: Service", StringComparison.Ordinal);
        Assert.EndsWith(input[service..], output);
        Assert.Contains("      - pause: {duration: 10}\n", output);
    }

    [Fact]
    public void A_rollout_with_a_workload_ref_names_the_deployment_to_inject()
    {
        var input = Fixture("rollout-workloadref.yaml");
        var result = new Injector(new InjectionOptions()).Inject(input, "ref.yaml");
        Assert.Equal(input, result.Output);
        var report = Assert.Single(result.Workloads);
        Assert.Equal("workload_ref", report.Reason?.Code);
        Assert.Contains("takes its pod template from Deployment \"rollout-ref-deployment\" (spec.workloadRef): inject that Deployment instead", report.SkipMessage);
    }

    [Fact]
    public void An_undeclared_kind_with_a_pod_template_is_reported_not_injected()
    {
        var input = Fixture("widget.yaml");
        var result = new Injector(new InjectionOptions()).Inject(input, "widget.yaml");
        Assert.Equal(input, result.Output);
        var report = Assert.Single(result.Workloads);
        Assert.Equal("not_a_workload_kind", report.Reason?.Code);
        Assert.Contains("has a pod template at spec.runner.template, but Widget.example.com is not in the workload table", report.SkipMessage);
    }

    [Fact]
    public void A_declared_kind_wins_over_a_built_in_one_only_in_its_group()
    {
        var kinds = WorkloadKinds.Builtin.With([new WorkloadKindSpec("example.com", "Deployment", "spec.pods.template")]);
        Assert.Equal(["spec", "pods", "template", "spec"], kinds.Find("example.com/v1", "Deployment")!.SpecPath);
        Assert.Equal(["spec", "template", "spec"], kinds.Find("apps/v1", "Deployment")!.SpecPath);
        // Built-in kinds match in any group, as istioctl (which never reads apiVersion) does.
        Assert.Equal(["spec", "template", "spec"], kinds.Find("extensions/v1beta1", "Deployment")!.SpecPath);
        Assert.Null(kinds.Find("example.com/v1", "Rollout"));
        Assert.NotNull(kinds.Find("argoproj.io/v1alpha1", "Rollout"));
    }

    [Fact]
    public void Check_and_version_see_the_same_workloads()
    {
        var inputs = new[] { "rollout-canary.yaml", "cloneset.yaml", "widget.yaml", "rollout-workloadref.yaml" }
            .Select(f => new ManifestInput(new Injector(Options(Widget)).Inject(Fixture(f), f).Output, f)).ToList();
        var check = new InjectionChecker(new CheckOptions { Workloads = [Widget], ExpectInjected = true }).Check(inputs);
        var rows = check.Workloads.Select(w => $"{w.Kind}/{w.Name}").ToList();
        Assert.Equal(["Rollout/rollouts-demo", "CloneSet/sample", "Widget/gadget", "Rollout/rollout-ref-deployment"], rows);
        Assert.All(check.Workloads.Take(3), w => Assert.True(w.HasSidecar));
        var census = DataPlaneCensus.Take(inputs, "default", [Widget]);
        var version = Assert.Single(census);
        Assert.Equal(3, version.Proxies);
        Assert.DoesNotContain(DataPlaneCensus.Take(inputs, "default").SelectMany(v => v.Workloads), w => w.Contains("Widget", StringComparison.Ordinal));
    }

    [Fact]
    public void The_repository_config_declares_workloads_and_names_the_line_of_a_bad_entry()
    {
        using var box = new CliSandbox();
        var config = box.Write(".kube-inject.yaml", "workloads:\n- group: example.com\n  kind: Widget\n  podTemplate: spec.runner.template\n");
        var widget = box.Write("widget.yaml", Fixture("widget.yaml"));
        var run = CliSandbox.Run("--config", config, widget);
        Assert.Equal(0, run.Exit);
        Assert.Contains("Widget gadget: injected (", run.Stderr);

        var bad = box.Write("bad.yaml", "istioVersion: \"1.29\"\nworkloads:\n- group: example.com\n  kind: Widget\n  podTemplate: spec..template\n");
        var refused = CliSandbox.Run("--config", bad, widget);
        Assert.Equal(64, refused.Exit);
        Assert.Contains("bad.yaml:3", refused.Stderr);
        Assert.Contains("podTemplate \"spec..template\"", refused.Stderr);
    }

    [Fact]
    public void The_krm_function_config_declares_workloads()
    {
        var widget = Fixture("widget.yaml").Replace("\n", "\n    ").TrimEnd();
        var resourceList = "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n  - " + widget + "\nfunctionConfig:\n  apiVersion: kube-inject.io/v1alpha1\n  kind: KubeInjectConfig\n  metadata: {name: inject}\n  spec:\n    workloads:\n    - {group: example.com, kind: Widget, podTemplate: spec.runner.template}\n";
        var output = new KubeInject.Krm.KrmFunction(new InjectionOptions()).Run(resourceList).Output;
        Assert.Contains("name: istio-proxy", output);
    }
}
