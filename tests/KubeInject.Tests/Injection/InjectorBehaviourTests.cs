using System.Text.RegularExpressions;
using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Tests.Injection;

/// <summary>What injection does to a workload's text and pod, through the public facade.</summary>
public partial class InjectorBehaviourTests
{
    private static InjectionResult Inject(string text, InjectionOptions? options = null) =>
        new Injector(options ?? new InjectionOptions()).Inject(text, "app.yaml");

    private const string CommentedDeployment = """
        # Deployment of the web app
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web   # the name
          namespace: shop
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              # the app containers
              containers:
                - name: web
                  image: nginx:1.27 # pinned
                  ports:
                    - containerPort: 8080
                      name: http
                  readinessProbe:
                    httpGet:
                      path: /ready
                      port: http

        """;

    private const string SimplePod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: solo
          namespace: ns
        spec:
          containers:
          - name: app
            image: nginx
            ports:
            - containerPort: 80

        """;

    private static YMapping Root(string text, int document = 0) => (YMapping)ManifestReader.Read(text, "out.yaml").ElementAt(document).Root!;

    private static YNode? At(YNode? node, params object[] path)
    {
        foreach (var step in path)
            node = step is int i ? (node as YSequence)?[i] : (node as YMapping)?[(string)step];
        return node;
    }

    private static string S(YNode? node) => node is YScalar s ? s.AsGoString() : throw new Xunit.Sdk.XunitException($"not a scalar: {node}");

    private static List<string> Names(YNode? list) =>
        list is YSequence seq ? seq.Items.Select(i => S(At(i, "name"))).ToList() : [];

    [Fact]
    public void Injecting_the_output_again_returns_identical_text()
    {
        var once = Inject(CommentedDeployment).Output;
        var twice = Inject(once);
        Assert.Equal(once, twice.Output);
        Assert.False(twice.Changed);
        Assert.True(Assert.Single(twice.Workloads).Injected);
    }

    [Fact]
    public void Injecting_an_injected_bare_pod_again_returns_identical_text()
    {
        var once = Inject(SimplePod).Output;
        Assert.Equal(once, Inject(once).Output);
    }

    [Fact]
    public void A_comment_above_the_containers_key_and_an_inline_comment_on_the_image_survive_injection()
    {
        var output = Inject(CommentedDeployment).Output;
        Assert.Contains("      # the app containers\n      containers:\n", output);
        Assert.Contains("          image: nginx:1.27 # pinned\n", output);
        Assert.StartsWith("# Deployment of the web app\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web   # the name\n", output);
    }

    [Fact]
    public void An_injected_document_gets_no_typed_serialisation_noise()
    {
        var output = Inject(CommentedDeployment + "---\n" + SimplePod).Output;
        Assert.DoesNotContain("creationTimestamp", output);
        Assert.DoesNotContain("status: {}", output);
        Assert.DoesNotContain("resources: {}", output);
        Assert.DoesNotContain("strategy: {}", output);
    }

    [Fact]
    public void Injection_adds_the_proxy_init_container_volumes_and_status_annotation()
    {
        var root = Root(Inject(CommentedDeployment).Output);
        var pod = At(root, "spec", "template");
        Assert.Equal(["web", "istio-proxy"], Names(At(pod, "spec", "containers")));
        Assert.Equal(["istio-init"], Names(At(pod, "spec", "initContainers")));
        Assert.Equal(["workload-socket", "credential-socket", "workload-certs", "istio-envoy", "istio-data", "istio-podinfo", "istio-token", "istiod-ca-cert"], Names(At(pod, "spec", "volumes")));
        Assert.Equal(
            """{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["workload-socket","credential-socket","workload-certs","istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"imagePullSecrets":null,"revision":"default"}""",
            S(At(pod, "metadata", "annotations", "sidecar.istio.io/status")));
        Assert.Equal("default", S(At(pod, "metadata", "annotations", "istio.io/rev")));
        Assert.Equal("istio", S(At(pod, "metadata", "labels", "security.istio.io/tlsMode")));
        Assert.Equal("web", S(At(pod, "metadata", "labels", "service.istio.io/canonical-name")));
        Assert.Equal("latest", S(At(pod, "metadata", "labels", "service.istio.io/canonical-revision")));
    }

    [Fact]
    public void Re_injecting_an_injected_pod_does_not_duplicate_the_proxy_the_init_container_or_the_volumes()
    {
        var once = Inject(SimplePod).Output;
        // A real change on the second pass (another revision) forces the pod through the merge again.
        var twice = Inject(once, new InjectionOptions { Revision = "canary" });
        Assert.True(twice.Changed);
        var spec = At(Root(twice.Output), "spec");
        Assert.Equal(["app", "istio-proxy"], Names(At(spec, "containers")));
        Assert.Equal(["istio-init"], Names(At(spec, "initContainers")));
        var volumes = Names(At(spec, "volumes"));
        Assert.Equal(volumes.Distinct().Count(), volumes.Count);
        Assert.Equal(8, volumes.Count);
        Assert.Single(Regex.Matches(twice.Output, "name: istio-proxy\n"));
        Assert.Equal("canary", S(At(Root(twice.Output), "metadata", "annotations", "istio.io/rev")));
    }

    [Fact]
    public void Re_injecting_keeps_a_single_copy_of_each_proxy_env_variable()
    {
        var twice = Inject(Inject(SimplePod).Output, new InjectionOptions { Revision = "canary" }).Output;
        var proxy = ((YSequence)At(Root(twice), "spec", "containers")!).Items.Single(c => S(At(c, "name")) == "istio-proxy");
        var env = Names(At(proxy, "env"));
        Assert.Equal(env.Distinct().Count(), env.Count);
    }

    [Fact]
    public void The_revision_option_sets_istio_io_rev_and_the_status_annotation_revision()
    {
        var result = Inject(SimplePod, new InjectionOptions { Revision = "canary" });
        var meta = At(Root(result.Output), "metadata");
        Assert.Equal("canary", S(At(meta, "annotations", "istio.io/rev")));
        Assert.EndsWith(",\"revision\":\"canary\"}", S(At(meta, "annotations", "sidecar.istio.io/status")));
    }

    [Fact]
    public void The_default_revision_name_means_no_revision()
    {
        var meta = At(Root(Inject(SimplePod, new InjectionOptions { Revision = "default" }).Output), "metadata");
        Assert.Equal("default", S(At(meta, "annotations", "istio.io/rev")));
        Assert.EndsWith(",\"revision\":\"default\"}", S(At(meta, "annotations", "sidecar.istio.io/status")));
    }

    [Fact]
    public void The_revision_option_does_not_change_the_ca_address_which_comes_from_values()
    {
        var output = Inject(SimplePod, new InjectionOptions { Revision = "canary" }).Output;
        var proxy = ((YSequence)At(Root(output), "spec", "containers")!).Items.Single(c => S(At(c, "name")) == "istio-proxy");
        var ca = ((YSequence)At(proxy, "env")!).Items.Single(e => S(At(e, "name")) == "CA_ADDR");
        Assert.Equal("istiod.istio-system.svc:15012", S(At(ca, "value")));
    }

    [Fact]
    public void Native_sidecars_put_istio_proxy_into_init_containers_with_restart_policy_always()
    {
        var output = Inject(SimplePod, new InjectionOptions { NativeSidecars = NativeSidecarMode.Enabled }).Output;
        var spec = At(Root(output), "spec");
        Assert.Equal(["app"], Names(At(spec, "containers")));
        Assert.Equal(["istio-init", "istio-proxy"], Names(At(spec, "initContainers")));
        var proxy = ((YSequence)At(spec, "initContainers")!).Items.Single(c => S(At(c, "name")) == "istio-proxy");
        Assert.Equal("Always", S(At(proxy, "restartPolicy")));
        Assert.Contains("\"initContainers\":[\"istio-init\",\"istio-proxy\"],\"containers\":null", S(At(Root(output), "metadata", "annotations", "sidecar.istio.io/status")));
    }

    [Fact]
    public void Native_sidecars_disabled_keeps_istio_proxy_in_containers_even_when_the_environment_enables_them()
    {
        var options = new InjectionOptions
        {
            NativeSidecars = NativeSidecarMode.Disabled,
            Environment = new Dictionary<string, string> { ["ENABLE_NATIVE_SIDECARS"] = "true" },
        };
        var spec = At(Root(Inject(SimplePod, options).Output), "spec");
        Assert.Equal(["app", "istio-proxy"], Names(At(spec, "containers")));
    }

    [Fact]
    public void Auto_native_sidecars_follow_the_enable_native_sidecars_variable()
    {
        var options = new InjectionOptions { Environment = new Dictionary<string, string> { ["ENABLE_NATIVE_SIDECARS"] = "true" } };
        var spec = At(Root(Inject(SimplePod, options).Output), "spec");
        Assert.Equal(["istio-init", "istio-proxy"], Names(At(spec, "initContainers")));
    }

    [Fact]
    public void An_unknown_template_name_throws_with_the_workloads_location()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n" +
                   "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    inject.istio.io/templates: sidecar,no-such-template\nspec:\n  containers:\n  - name: a\n    image: nginx\n";
        var e = Assert.Throws<KubeInjectException>(() => Inject(text));
        Assert.Contains("no-such-template", e.Message);
        Assert.Equal(new SourceLocation("app.yaml", 1, 5, 1), e.Location);
        Assert.Equal(ErrorKind.BadInput, e.Kind);
    }

    [Fact]
    public void A_refused_annotation_throws_naming_file_document_and_line()
    {
        var text = SimplePod + "---\n" +
                   "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bad\nspec:\n  template:\n    metadata:\n      annotations:\n        sidecar.istio.io/interceptionMode: SIDEWAYS\n    spec:\n      containers:\n      - name: a\n        image: nginx\n";
        var e = Assert.Throws<KubeInjectException>(() => Inject(text));
        Assert.Contains("interceptionMode invalid", e.Message);
        Assert.Contains("SIDEWAYS", e.Message);
        Assert.NotNull(e.Location);
        Assert.Equal("app.yaml", e.Location!.File);
        Assert.Equal(1, e.Location.Document);
        Assert.Equal(13, e.Location.Line);
        Assert.StartsWith("app.yaml:13:1 (document 2): ", e.ToString());
    }

    [Fact]
    public void Probes_of_app_containers_are_rewritten_to_the_status_port()
    {
        var root = Root(Inject(CommentedDeployment).Output);
        var web = At(root, "spec", "template", "spec", "containers", 0);
        Assert.Equal("/app-health/web/readyz", S(At(web, "readinessProbe", "httpGet", "path")));
        Assert.Equal("15020", S(At(web, "readinessProbe", "httpGet", "port")));
        var proxy = At(root, "spec", "template", "spec", "containers", 1);
        var probers = ((YSequence)At(proxy, "env")!).Items.Single(e => S(At(e, "name")) == "ISTIO_KUBE_APP_PROBERS");
        Assert.Equal("""{"/app-health/web/readyz":{"httpGet":{"path":"/ready","port":8080}}}""", S(At(probers, "value")));
    }

    [Fact]
    public void Result_warnings_are_empty_for_bundled_settings()
    {
        Assert.Empty(Inject(SimplePod).Warnings);
    }
}
