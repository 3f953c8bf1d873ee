using KubeInject.Krm;
using KubeInject.Tests.Cli;

namespace KubeInject.Tests.Krm;

public sealed class KrmFunctionTests
{
    private const string Deployment = """
        - apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
            annotations:
              config.kubernetes.io/index: '0'
              internal.config.kubernetes.io/path: 'web.yaml'
              config.k8s.io/id: '1'
          spec:
            template:
              metadata:
                labels: {app: web}
              spec:
                containers:
                - name: web
                  image: nginx
        """;

    private static string List(string items, string functionConfig = "") =>
        "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n" + items + "\n" + functionConfig;

    [Fact]
    public void Detects_a_resource_list()
    {
        Assert.True(KrmFunction.IsResourceList(List(Deployment)));
        Assert.False(KrmFunction.IsResourceList("apiVersion: v1\nkind: List\nitems: []\n"));
    }

    [Fact]
    public void Injects_items_and_keeps_function_annotations()
    {
        var result = new KrmFunction(new InjectionOptions()).Run(List(Deployment));
        Assert.False(result.HasErrors);
        Assert.Contains("name: istio-proxy", result.Output);
        Assert.Contains("config.kubernetes.io/index: '0'", result.Output);
        Assert.Contains("internal.config.kubernetes.io/path: 'web.yaml'", result.Output);
        Assert.Contains("config.k8s.io/id: '1'", result.Output);
        Assert.Contains("results: []", result.Output.Replace("results:\n", "results: []"), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_kpt_configmap_settings()
    {
        var config = "functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: fn}\n  data:\n    istioVersion: \"1.23\"\n    revision: canary\n";
        var result = new KrmFunction(new InjectionOptions()).Run(List(Deployment, config));
        Assert.False(result.HasErrors);
        Assert.Contains("istio.io/rev: canary", result.Output);
    }

    [Fact]
    public void Renders_the_templates_of_an_injector_config_given_in_function_config()
    {
        // The cluster's own injector config (data.config), with a one-container template: that is what is injected.
        var config = """
            functionConfig:
              apiVersion: kube-inject.io/v1alpha1
              kind: KubeInjectConfig
              metadata: {name: fn}
              spec:
                injector-config: |
                  policy: enabled
                  templates:
                    sidecar: |
                      spec:
                        containers:
                        - name: istio-proxy
                          image: example.com/proxy:custom
            """;
        var result = new KrmFunction(new InjectionOptions()).Run(List(Deployment, config));
        Assert.False(result.HasErrors, string.Join("\n", result.Results.Select(r => r.Message)));
        Assert.Contains("image: example.com/proxy:custom", result.Output);
        Assert.DoesNotContain("proxyv2", result.Output);
    }

    [Theory]
    [InlineData("istio-version", "istioVersion")]
    [InlineData("meshConfig", "meshConfig")]
    [InlineData("native-sidecars", "nativeSidecars")]
    [InlineData("values", "values")]
    [InlineData("skipTemplates", null)]
    [InlineData("IstioVersion", null)]
    public void Setting_keys_accept_camel_and_kebab_case(string key, string? canonical) =>
        Assert.Equal(canonical, SettingKeys.Canonical(key));

    [Fact]
    public void Reports_skips_and_errors_in_results()
    {
        var skipped = Deployment.Replace("labels: {app: web}", "labels: {app: web, sidecar.istio.io/inject: \"false\"}");
        var result = new KrmFunction(new InjectionOptions()).Run(List(skipped));
        var info = Assert.Single(result.Results);
        Assert.Equal("info", info.Severity);
        Assert.Equal("web.yaml", info.FilePath);
        Assert.Equal("web", info.ResourceRef?.Name);
        Assert.Contains("severity: info", result.Output);

        var bad = new KrmFunction(new InjectionOptions()).Run(List(Deployment, "functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  data:\n    istioVersion: \"0.1\"\n"));
        Assert.True(bad.HasErrors);
        Assert.Contains("severity: error", bad.Output);
    }

    [Fact]
    public void Cli_acts_as_a_krm_function_when_stdin_is_a_resource_list()
    {
        var run = CliSandbox.RunWithStdin(List(Deployment), "-f", "-");
        Assert.Equal(0, run.Exit);
        Assert.Contains("kind: ResourceList", run.Stdout);
        Assert.Contains("name: istio-proxy", run.Stdout);
        var krm = CliSandbox.RunWithStdin(List(Deployment), "krm");
        Assert.Equal(run.Stdout, krm.Stdout);
    }

    [Fact]
    public void Patch_output_holds_one_replace_patch_per_injected_workload()
    {
        var manifest = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n";
        var result = new Injector(new InjectionOptions()).InjectAsPatches(manifest, "web.yaml");
        Assert.True(result.Changed);
        Assert.Equal(2, result.Output.Split("$patch: replace").Length - 1);
        Assert.DoesNotContain("kind: Service", result.Output);
    }
}

public sealed class KrmConfigAndStdinTests
{
    [Fact]
    public void Own_config_kind_takes_values_as_a_mapping()
    {
        var list = "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n  spec:\n    containers: [{name: c, image: nginx}]\n"
            + "functionConfig:\n  apiVersion: kube-inject.io/v1alpha1\n  kind: KubeInjectConfig\n  metadata: {name: x}\n  spec:\n    values:\n      global:\n        tag: 1.22.4\n";
        var result = new KrmFunction(new InjectionOptions()).Run(list);
        Assert.False(result.HasErrors, string.Join("\n", result.Results.Select(r => r.Message)));
        Assert.Contains("proxyv2:1.22.4", result.Output);
    }

    [Fact]
    public void Without_paths_the_cli_reads_stdin_like_a_helm_post_renderer()
    {
        var manifest = File.ReadAllText(Path.Combine(CliSandbox.RepoRoot(), "samples", "sleep.yaml"));
        var run = CliSandbox.RunWithStdin(manifest);
        Assert.Equal(0, run.Exit);
        Assert.Contains("name: istio-proxy", run.Stdout);
        Assert.Equal(64, CliSandbox.RunWithStdin("").Exit);
    }
}

public sealed class KrmCliFlagTests
{
    private const string List = "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n  spec:\n    containers: [{name: c, image: nginx}]\n";

    [Fact]
    public void Flags_are_the_defaults_of_the_function_and_check_keeps_its_meaning()
    {
        var run = CliSandbox.RunWithStdin(List, "-f", "-", "--revision", "canary");
        Assert.Equal(0, run.Exit);
        Assert.Contains("kind: ResourceList", run.Stdout);
        Assert.Contains("istio.io/rev: canary", run.Stdout);
        // --check treats stdin as a manifest stream (a ResourceList has no workloads of its own kinds).
        Assert.Equal(0, CliSandbox.RunWithStdin(List, "-f", "-", "--check").Exit);
    }
}
