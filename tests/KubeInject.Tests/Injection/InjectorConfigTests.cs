using KubeInject.Tests.Cli;

namespace KubeInject.Tests.Injection;

/// <summary>
/// The rest of an injector config, as Istio's webhook applies it (its <c>injectRequired</c>, <c>selectTemplates</c>,
/// <c>resolveAliases</c> and <c>applyMetadata</c>): <c>defaultTemplates</c>, <c>aliases</c>, <c>policy</c>,
/// <c>neverInjectSelector</c>, <c>alwaysInjectSelector</c> and <c>injectedAnnotations</c>.
/// </summary>
public sealed class InjectorConfigTests
{
    // Two small templates: "sidecar" adds the proxy container, "extra" a volume and an annotation.
    private const string Templates = """
        templates:
          sidecar: |
            spec:
              containers:
              - name: istio-proxy
                image: proxy:1
          extra: |
            metadata:
              annotations:
                from-extra: "yes"
            spec:
              volumes:
              - name: extra
                emptyDir: {}
        """;

    private static Injector With(string config) => new(new InjectionOptions { InjectorConfigText = config + "\n" + Templates + "\n" });

    private static WorkloadReport Only(InjectionResult result) => Assert.Single(result.Workloads);

    [Fact]
    public void Default_templates_are_what_a_pod_without_the_templates_annotation_gets()
    {
        var result = With("defaultTemplates: [sidecar, extra]").Inject(Manifests.Deployment(), "app.yaml");

        Assert.True(Only(result).Injected);
        Assert.Contains("name: istio-proxy", result.Output);
        Assert.Contains("name: extra", result.Output);
        Assert.Contains("from-extra: \"yes\"", result.Output);
    }

    [Fact]
    public void Without_default_templates_a_pod_gets_the_sidecar_template_only()
    {
        var result = With("policy: enabled").Inject(Manifests.Deployment(), "app.yaml");

        Assert.Contains("name: istio-proxy", result.Output);
        Assert.DoesNotContain("from-extra", result.Output);
    }

    [Fact]
    public void An_alias_stands_for_its_templates_in_the_annotation_and_in_the_defaults()
    {
        var annotated = Manifests.Deployment(podAnnotations: "        inject.istio.io/templates: both");
        var viaAnnotation = With("aliases:\n  both: [sidecar, extra]").Inject(annotated, "app.yaml");
        var viaDefaults = With("defaultTemplates: [both]\naliases:\n  both: [sidecar, extra]").Inject(Manifests.Deployment(), "app.yaml");

        foreach (var result in new[] { viaAnnotation, viaDefaults })
        {
            Assert.Contains("name: istio-proxy", result.Output);
            Assert.Contains("from-extra: \"yes\"", result.Output);
        }
    }

    [Fact]
    public void Policy_disabled_injects_only_pods_that_opt_in()
    {
        var injector = With("policy: disabled");

        var plain = Only(injector.Inject(Manifests.Deployment(), "app.yaml"));
        var optedIn = Only(injector.Inject(Manifests.Deployment(podLabels: "        sidecar.istio.io/inject: \"true\""), "app.yaml"));

        Assert.False(plain.Injected);
        Assert.Equal("policy_disabled", plain.Reason!.Code);
        Assert.True(optedIn.Injected);
    }

    [Theory]
    // Istio's order: the pod's own word, then neverInjectSelector, then alwaysInjectSelector, then the policy.
    [InlineData("policy: enabled\nneverInjectSelector:\n- matchLabels: {app: web}", "", false, "never_inject_selector")]
    [InlineData("policy: enabled\nneverInjectSelector:\n- matchExpressions: [{key: app, operator: In, values: [web, api]}]", "", false, "never_inject_selector")]
    [InlineData("policy: enabled\nneverInjectSelector:\n- matchLabels: {app: other}", "", true, null)]
    [InlineData("policy: enabled\nneverInjectSelector:\n- matchLabels: {app: web}", "        sidecar.istio.io/inject: \"true\"", true, null)]
    [InlineData("policy: disabled\nalwaysInjectSelector:\n- matchLabels: {app: web}", "", true, null)]
    [InlineData("policy: disabled\nalwaysInjectSelector:\n- matchLabels: {app: web}", "        sidecar.istio.io/inject: \"false\"", false, "injection_disabled")]
    [InlineData("policy: enabled\nneverInjectSelector:\n- matchLabels: {app: web}\nalwaysInjectSelector:\n- matchLabels: {app: web}", "", false, "never_inject_selector")]
    // An empty selector matches nothing here (Istio skips selector.Empty()).
    [InlineData("policy: enabled\nneverInjectSelector:\n- {}", "", true, null)]
    [InlineData("policy: on", "", false, "invalid_policy")]
    public void Selectors_and_policy_decide_as_Istios_webhook(string config, string podLabels, bool injected, string? code)
    {
        var report = Only(With(config).Inject(Manifests.Deployment(podLabels: podLabels), "app.yaml"));

        Assert.Equal(injected, report.Injected);
        Assert.Equal(code, report.Reason?.Code);
    }

    [Fact]
    public void A_selector_Kubernetes_cannot_read_is_ignored_with_a_warning()
    {
        var injector = With("policy: enabled\nneverInjectSelector:\n- matchExpressions: [{key: app, operator: Is, values: [web]}]\n- matchExpressions: [{key: app, operator: In}]");

        Assert.True(Only(injector.Inject(Manifests.Deployment(), "app.yaml")).Injected);
        Assert.Contains(injector.Warnings, w => w.Contains("\"Is\" is not a valid label selector operator"));
        Assert.Contains(injector.Warnings, w => w.Contains("values set can't be empty"));
    }

    [Fact]
    public void Injected_annotations_are_set_after_the_status_and_taken_out_again()
    {
        var options = new InjectionOptions { InjectorConfigText = "policy: enabled\ninjectedAnnotations:\n  team.example.com/meshed: \"yes\"\n" + Templates + "\n" };
        var injected = new Injector(options).Inject(Manifests.Deployment(), "app.yaml");

        Assert.Contains("team.example.com/meshed: \"yes\"", injected.Output);
        Assert.True(injected.Output.IndexOf("sidecar.istio.io/status", StringComparison.Ordinal) < injected.Output.IndexOf("team.example.com/meshed", StringComparison.Ordinal));
        Assert.Equal(injected.Output, new Injector(options).Inject(injected.Output, "app.yaml").Output);
        Assert.Equal(Manifests.Deployment(), new Uninjector(options).Uninject(injected.Output, "app.yaml").Output);
    }
}
