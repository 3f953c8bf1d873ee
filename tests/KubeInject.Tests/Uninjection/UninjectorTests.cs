using KubeInject.Decision;

namespace KubeInject.Tests.Uninjection;

/// <summary>Hand-written manifests: <c>uninject(inject(x))</c> is <c>x</c> byte for byte, comments and order kept.</summary>
public sealed class UninjectorTests
{
    private static readonly InjectionOptions Defaults = new();

    private const string Deployment = """
        # The web tier. Comments and key order must survive a round trip.
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web   # inline comment
          namespace: shop
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels:
                app: web
                version: v2
              annotations:
                # scraped by Prometheus on the app port
                prometheus.io/scrape: "true"
                prometheus.io/port: "9090"
                prometheus.io/path: /metrics
                team: payments
            spec:
              initContainers:
                - name: migrate
                  image: "registry.example/web:2.0"   # runs first
                  command: ["/migrate"]
              containers:
                - name: web
                  image: registry.example/web:2.0
                  ports:
                    - containerPort: 8080
                      name: http
                  readinessProbe:
                    httpGet:
                      path: /ready
                      port: 8080
                      scheme: HTTPS
                    periodSeconds: 5
                  livenessProbe:
                    tcpSocket:
                      port: 8080
                  startupProbe:
                    grpc:
                      port: 9000
                - name: worker
                  image: registry.example/worker:2.0
                  readinessProbe:
                    exec:
                      command: [cat, /tmp/ready]
              volumes:
                - name: cache
                  emptyDir: {}
        ---
        # A service is passed through untouched.
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
            - port: 80
        """;

    private const string BarePod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: bare
        spec:
          containers:
          - name: app
            image: nginx
        """;

    private const string CronJob = """
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - name: job
                    image: busybox
                    args: [sh, -c, "echo hi"]   # keep me
        """;

    private const string Customised = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: tuned
        spec:
          selector:
            matchLabels:
              app: tuned
          template:
            metadata:
              labels:
                app: tuned
            spec:
              containers:
              - name: app
                image: app:1
              # the proxy, customised
              - name: istio-proxy
                image: auto
                resources:
                  limits:
                    memory: 2Gi
        """;

    // Istio's samples quote some Prometheus annotations ("/metrics") and not others.
    private const string QuotedPrometheus = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: productpage
        spec:
          template:
            metadata:
              annotations:
                prometheus.io/scrape: "true"
                prometheus.io/port: '9080'
                prometheus.io/path: "/metrics"
            spec:
              containers:
              - name: productpage
                image: docker.io/istio/examples-bookinfo-productpage-v1:1.20.1
        """;

    public static TheoryData<string, string> HandWritten() => new()
    {
        { "quoted-prometheus", QuotedPrometheus },
        { "deployment", Deployment },
        { "bare-pod", BarePod },
        { "cronjob", CronJob },
        { "customised-proxy", Customised },
    };

    [Theory]
    [MemberData(nameof(HandWritten))]
    public void Uninject_of_inject_is_byte_identical(string name, string input)
    {
        var injected = new Injector(Defaults).Inject(input, name + ".yaml");
        Assert.True(injected.Changed);
        var result = new Uninjector(Defaults).Uninject(injected.Output, name + ".yaml");
        Assert.Equal(input, result.Output);
        Assert.All(result.Workloads, w => Assert.True(w.Uninjected, w.DisplayName));
        Assert.All(result.Workloads, w => Assert.Empty(w.Warnings));
    }

    [Theory]
    [MemberData(nameof(HandWritten))]
    public void Reinjection_with_other_settings_is_byte_identical_to_a_direct_injection(string name, string input)
    {
        var old = new Injector(Defaults with { ValuesText = """{"global": {"tag": "1.22.4", "hub": "old.example/istio"}}""" }).Inject(input, name);
        Assert.Contains("old.example/istio/proxyv2:1.22.4", old.Output);
        var direct = new Injector(Defaults).Inject(input, name);
        var again = new Injector(Defaults).Inject(old.Output, name);
        Assert.Equal(direct.Output, again.Output);
    }

    [Fact]
    public void Replaced_annotation_values_keep_the_users_quoting()
    {
        var injected = new Injector(Defaults).Inject(QuotedPrometheus, "productpage.yaml").Output;
        Assert.Contains("    prometheus.io/port: '15020'\n", injected);
        Assert.Contains("    prometheus.io/path: \"/stats/prometheus\"\n", injected);
    }

    [Fact]
    public void Uninjecting_a_pristine_manifest_changes_nothing()
    {
        var result = new Uninjector(Defaults).Uninject(Deployment, "web.yaml");
        Assert.False(result.Changed);
        Assert.Equal(Deployment, result.Output);
        var report = Assert.Single(result.Workloads);
        Assert.Equal(SkipReason.NotInjected, report.Reason);
        Assert.False(report.Uninjected);
    }

    [Fact]
    public void A_sidecar_without_a_status_annotation_is_skipped_with_a_reason()
    {
        var result = new Uninjector(Defaults).Uninject(Customised, "tuned.yaml");
        Assert.Equal(Customised, result.Output);
        var report = Assert.Single(result.Workloads);
        Assert.Equal(SkipReason.SidecarWithoutStatus, report.Reason);
        Assert.Equal("Skipping uninjection because Deployment \"tuned\" has an istio-proxy container but no sidecar.istio.io/status annotation recording what injection added; not uninjected", report.SkipMessage);
    }

    [Fact]
    public void An_unparseable_status_annotation_is_skipped_with_a_reason()
    {
        var injected = new Injector(Defaults).Inject(BarePod, "bare.yaml").Output;
        var broken = System.Text.RegularExpressions.Regex.Replace(injected, "sidecar.istio.io/status: .*", "sidecar.istio.io/status: not-json");
        var result = new Uninjector(Defaults).Uninject(broken, "bare.yaml");
        Assert.Equal(broken, result.Output);
        Assert.Equal(SkipReason.InvalidStatus, Assert.Single(result.Workloads).Reason);
    }

    [Fact]
    public void Only_what_the_status_lists_is_removed()
    {
        // A container called like Istio's but not listed in the status stays: nothing is removed by name alone.
        var injected = new Injector(Defaults).Inject(BarePod, "bare.yaml").Output
            .Replace("\"containers\":[\"istio-proxy\"]", "\"containers\":null", StringComparison.Ordinal);
        var result = new Uninjector(Defaults).Uninject(injected, "bare.yaml");
        Assert.Contains("name: istio-proxy", result.Output);
        Assert.DoesNotContain("istio-init", result.Output);
        Assert.DoesNotContain("sidecar.istio.io/status", result.Output);
    }

    [Fact]
    public void A_user_value_for_an_injected_label_is_kept()
    {
        const string labelled = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              labels:
                app: p
                service.istio.io/canonical-name: storefront
            spec:
              containers:
              - name: app
                image: nginx
            """;
        var injected = new Injector(Defaults).Inject(labelled, "p.yaml").Output;
        Assert.Contains("security.istio.io/tlsMode", injected);
        Assert.Equal(labelled, new Uninjector(Defaults).Uninject(injected, "p.yaml").Output);
    }

    [Fact]
    public void Istio_merge_mode_keeps_istioctl_semantics_for_an_injected_pod()
    {
        // istioctl merges over the old sidecar: an env entry the new template does not write survives.
        var injected = new Injector(Defaults).Inject(BarePod, "bare.yaml").Output
            .Replace("- name: PILOT_CERT_PROVIDER", "- name: STALE\n      value: x\n    - name: PILOT_CERT_PROVIDER", StringComparison.Ordinal);
        Assert.Contains("name: STALE", injected);
        Assert.Contains("name: STALE", new Injector(Defaults with { Reinjection = ReinjectionMode.IstioMerge }).Inject(injected, "bare.yaml").Output);
        Assert.DoesNotContain("name: STALE", new Injector(Defaults).Inject(injected, "bare.yaml").Output);
    }
}
