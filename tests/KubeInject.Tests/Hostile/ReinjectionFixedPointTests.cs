using KubeInject.Reading;

namespace KubeInject.Tests.Hostile;

/// <summary>
/// Fixed-point findings of the long fuzz runs (README, "Fuzzing"), each as the smallest manifest that shows it:
/// injecting the output again (re-injection, <see cref="ReinjectionMode.Replace"/>) must give the same bytes.
/// </summary>
public sealed class ReinjectionFixedPointTests
{
    private static readonly Injector Injector = new(new InjectionOptions());

    private static (string First, string Second) TwoRuns(string input)
    {
        string first = Injector.Inject(input, "in.yaml").Output;
        Assert.NotEqual(input, first);
        string second = Injector.Inject(first, "out.yaml").Output;
        return (first, second);
    }

    private static int Line(string text, string content) =>
        Array.FindIndex(text.Split('\n'), l => l.Trim() == content) is var i && i >= 0 ? i : throw new Xunit.Sdk.XunitException($"no line '{content}' in\n{text}");

    [Fact]
    public void Keys_the_user_shares_with_the_templates_keep_their_place_on_reinjection()
    {
        // Run 4: an injected pod whose status annotation was lost is injected again as a new pod: its annotations,
        // labels and volumes that injection also writes are the user's, where the user put them. Re-injecting that
        // output takes the injection out (those keys go) and puts it back (the templates' keys come in their order).
        const string input = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                kubectl.kubernetes.io/default-container: app
                note: mine
              labels:
                service.istio.io/canonical-name: web
                app: web
            spec:
              containers:
              - name: app
                image: app:1
              volumes:
              - emptyDir: {}
                name: istio-data
            """;

        var (first, second) = TwoRuns(input);

        Assert.True(Line(first, "kubectl.kubernetes.io/default-container: app") < Line(first, "note: mine"), first);
        Assert.True(Line(first, "service.istio.io/canonical-name: web") < Line(first, "app: web"), first);
        Assert.Contains("\n  - emptyDir: {}\n    name: istio-data\n", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Prometheus_annotations_that_already_name_the_agent_stay_the_users_on_reinjection()
    {
        // Istio's merge stops when the pod's port already is the agent's (spec §5.5 step 4): it adds no scrape
        // annotation. Re-injection took these two for Istio's, removed them, and the new merge wrote all three.
        const string input = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                prometheus.io/path: /stats/prometheus
                prometheus.io/port: "15020"
            spec:
              containers:
              - name: app
                image: app:1
            """;

        var (first, second) = TwoRuns(input);

        Assert.DoesNotContain("prometheus.io/scrape", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void An_empty_probe_and_empty_resources_of_a_customised_container_survive_reinjection()
    {
        // Run 5 (grpc-simple, which customises every app container): Go records "readinessProbe":{} for a probe
        // whose only key has no value and always writes "resources":{}; re-injection read both as "absent" and
        // dropped the user's keys.
        const string input = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                inject.istio.io/templates: grpc-simple
            spec:
              containers:
              - name: app
                image: app:1
                readinessProbe:
                  httpGet:
                resources: {}
            """;

        var (first, second) = TwoRuns(input);

        Assert.Contains("    readinessProbe:\n      httpGet:\n    resources: {}\n", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_probe_without_port_in_a_proxy_customisation_gets_no_port_zero_on_reinjection()
    {
        // Run 7: Go records an httpGet without port as "port":0 (the field has no omitempty); re-injection restored
        // the customised istio-proxy with a port the user never wrote.
        const string input = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: app
                image: app:1
              - name: istio-proxy
                image: auto
                livenessProbe:
                  httpGet:
                    path: /healthz/ready
            """;

        var (first, second) = TwoRuns(input);

        Assert.Contains("\"httpGet\":{\"path\":\"/healthz/ready\",\"port\":0}", first);
        Assert.DoesNotContain("port: 0", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_template_that_renders_a_container_name_as_a_number_is_refused_as_istio_refuses_it()
    {
        // Found while looking for run 5's kind: grpc-simple writes "name: {{ $container.Name }}", so a container
        // named "8080" came back as the number 8080, matched no container and was added as a second one (no image,
        // the same name): output Kubernetes refuses, and our own second run refused it (65). Istio fails to decode it.
        const string input = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                inject.istio.io/templates: grpc-simple
            spec:
              containers:
              - name: "8080"
                image: app:1
            """;

        var e = Assert.Throws<Diagnostics.KubeInjectException>(() => Injector.Inject(input, "in.yaml"));

        Assert.Contains("failed applying injection overlay: unmarshal patched pod: json: cannot unmarshal number into Go struct field Container.spec.containers.name of type string", e.Message);
        Assert.Equal("in.yaml", e.Location?.File);
    }

    [Fact]
    public void A_tag_on_the_first_key_of_a_container_whose_key_is_replaced_does_not_shift_the_other_keys()
    {
        // Found while fixing the above: "- !!str env:" whose env re-injection replaces. The tag was copied and the
        // container's keys were written past it, at column 10: output that does not parse.
        const string input = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                inject.istio.io/templates: grpc-simple
                proxy.istio.io/overrides: '{"containers":[{"name":"app","image":"app:1","resources":{}}]}'
                sidecar.istio.io/status: '{"initContainers":[],"containers":["app"],"volumes":[],"imagePullSecrets":null,"revision":"default"}'
            spec:
              containers:
              - !!str env:
                - name: X
                  value: "1"
                image: app:1
                name: app
            """;

        string output = Injector.Inject(input, "in.yaml").Output;

        Assert.Single(ManifestReader.Read(output, "out.yaml"));
        Assert.Contains("\n  - image: app:1\n    name: app\n    env:\n", output);
        Assert.Equal(output, Injector.Inject(output, "out.yaml").Output);
    }

    [Fact]
    public void A_sidecar_copied_from_an_injected_pod_keeps_the_users_rewritten_probes_on_reinjection()
    {
        // Run 8 (all 10 of its 21 fixed-point findings that have replay states, e.g. KUBEINJECT_FUZZ_SEED=1oKS3qG2Wik6W2Vr): an injected pod
        // whose status annotation was lost. Its istio-proxy container is then the user's own (recorded in
        // proxy.istio.io/overrides), with ISTIO_KUBE_APP_PROBERS for probes that already point at the agent; the
        // first run adds nothing for them. Re-injection took that value for injection's record, restored the probes
        // and rewrote them again: a second ISTIO_KUBE_APP_PROBERS entry.
        const string input = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: app
                image: app:1
                readinessProbe:
                  httpGet:
                    path: /app-health/app/readyz
                    port: 15020
              - name: istio-proxy
                image: docker.io/istio/proxyv2:1.23.0
                env:
                - name: ISTIO_KUBE_APP_PROBERS
                  value: '{"/app-health/app/readyz":{"httpGet":{"path":"/ready","port":8080}}}'
            """;

        var first = Injector.Inject(input, "in.yaml");
        var second = Injector.Inject(first.Output, "out.yaml");

        Assert.Contains("proxy.istio.io/overrides", first.Output);
        Assert.Single(first.Output.Split('\n'), l => l.Trim() == "- name: ISTIO_KUBE_APP_PROBERS");
        Assert.Contains("path: /app-health/app/readyz", first.Output);
        Assert.Equal(first.Output, second.Output);
        // The probe was the user's to point at the agent: no "has no original for it" warning.
        Assert.Empty(second.Workloads.Single().Warnings);
    }

    [Fact]
    public void Plain_booleans_and_numbers_in_an_override_containers_strings_keep_the_users_text_on_reinjection()
    {
        // Run 7 (KUBEINJECT_FUZZ_SEED=08t-7ax8y9ESVbrr): `- y` in a custom istio-init's args. Kubernetes reads it into
        // the string list as "true" (YAML 1.1), and so does the overrides record; re-injection restored the container
        // from that record and wrote "true" where the first run had kept the user's `y`.
        const string input = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              initContainers:
              - name: istio-init
                image: fake/custom-image
                args:
                - y
                - --port
                - 8080
              containers:
              - name: app
                image: app:1
            """;

        var (first, second) = TwoRuns(input);

        Assert.Contains("\"args\":[\"true\",\"--port\",\"8080\"]", first);
        Assert.Contains("\n    - y\n    - --port\n    - 8080\n", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_comment_inside_a_customised_sidecar_survives_reinjection()
    {
        // Run 9 (KUBEINJECT_FUZZ_SEED=dBMGb4zZUeoqy5Q4): an istio-proxy customisation with a comment between its
        // keys. Re-injection rebuilds the container from proxy.istio.io/overrides, which holds no comments; the
        // rebuilt pod equals the one it replaces, so the container's text is now the one it had.
        const string input = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: hello
            spec:
              selector:
                matchLabels:
                  app: hello
              template:
                metadata:
                  labels:
                    app: hello
                spec:
                  containers:
                  - name: hello
                    image: hello:1
                  - name: istio-proxy
                    args: ["-c", "my-config.yaml"]
                    # keep me
                    image: auto
                    command:
                    - envoy
            """;

        var (first, second) = TwoRuns(input);

        Assert.Contains("    args: [\"-c\", \"my-config.yaml\"]\n        # keep me\n        image: docker.io/istio/proxyv2:", first);
        Assert.Equal(first, second);
    }
}
