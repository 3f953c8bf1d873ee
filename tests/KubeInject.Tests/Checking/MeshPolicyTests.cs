using KubeInject.Pod;
using KubeInject.Tests.Golden;
using KubeInject.Tests.Cli;
using static KubeInject.Tests.Checking.CheckFixtures;
using static KubeInject.Tests.Cli.CliSandbox;
using static KubeInject.Tests.Golden.Verifier;

namespace KubeInject.Tests.Checking;

/// <summary>
/// The seed scenario of issue 16, built from the samples: a mesh-wide STRICT PeerAuthentication in istio-system,
/// httpbin injected (by the library, here), sleep not. In a cluster every call from sleep to httpbin is reset, so
/// check must say so. Then the remedies and the neighbouring cases: the namespace labelled and sleep injected,
/// an AuthorizationPolicy on sleep, a namespace-level PERMISSIVE, port-level STRICT, a CronJob's sidecar.
/// Versions are explicit so that bundling a newer Istio does not change the snapshots.
/// </summary>
public sealed class MeshPolicyTests : IDisposable
{
    private const string Version = "1.23.0";

    private const string MeshStrict = """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-system
        spec:
          mtls:
            mode: STRICT
        """;

    private const string DefaultLabelled = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: default
          labels:
            istio-injection: enabled
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "kubeinject-mesh-" + Guid.NewGuid().ToString("N"));

    public MeshPolicyTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text.EndsWith('\n') ? text : text + "\n");
        return path;
    }

    private static string Injected(string sample, NativeSidecarMode native = NativeSidecarMode.Disabled, string path = "") =>
        new Injector(new InjectionOptions { IstioVersion = Version, NativeSidecars = native })
            .Inject(File.ReadAllText(path.Length > 0 ? path : Sample(sample)), sample).Output;

    /// <summary>mesh-wide STRICT + httpbin injected + sleep as in the sample.</summary>
    private string[] Seed() =>
    [
        Write("mtls.yaml", MeshStrict),
        Write("httpbin.yaml", Injected("httpbin.yaml")),
        Write("sleep.yaml", File.ReadAllText(Sample("sleep.yaml"))),
    ];

    private CliResult Check(params string[] args) => Run(["check", .. args, "--istio-version", Version]);

    private SettingsTask VerifyOutput(string output, string extension = "txt", [System.Runtime.CompilerServices.CallerMemberName] string method = "") =>
        Verify(output, extension, method: method).AddScrubber(b => b.Replace(_dir + Path.DirectorySeparatorChar, "seed/")).AddScrubber(ScrubPaths);

    [Fact]
    public async Task Seed_mesh_wide_strict_refuses_calls_from_sleep_without_a_sidecar()
    {
        var (exit, stdout, stderr) = Check(Seed());
        Assert.Equal(79, exit); // --fail-on error is the default: the pull request fails
        Assert.Empty(stderr);
        Assert.Contains("Error [KI0004] (Deployment default/sleep seed/sleep.yaml:22) calls from sleep to STRICT workloads (httpbin) will be refused: no sidecar to originate mutual TLS", stdout.Replace(_dir + "/", "seed/"));
        await VerifyOutput(stdout);
    }

    [Fact]
    public void Seed_as_sarif_and_github_annotations_carries_the_error()
    {
        string[] seed = Seed();
        var (exit, sarif, _) = Check(["-o", "sarif", .. seed]);
        Assert.Equal(79, exit);
        Assert.Contains("\"ruleId\": \"KI0004\"", sarif);
        var (_, github, _) = Check(["-o", "github", .. seed]);
        Assert.Contains($"::error file={Path.Combine(_dir, "sleep.yaml")},line=22,col=1,title=KI0004 Deployment default/sleep::calls from sleep to STRICT workloads (httpbin) will be refused", github);
    }

    [Fact]
    public async Task Seed_as_json_carries_the_new_findings()
    {
        var (exit, stdout, _) = Check(["-o", "json", .. Seed(), Write("ap.yaml", SleepPolicy)]);
        Assert.Equal(79, exit);
        await VerifyOutput(stdout, "json");
    }

    [Fact]
    public void Seed_labelled_namespace_and_sleep_injected_is_clean()
    {
        Seed();
        var (exit, stdout, _) = Check(
            Write("namespace.yaml", DefaultLabelled),
            Path.Combine(_dir, "mtls.yaml"),
            Path.Combine(_dir, "httpbin.yaml"),
            Write("sleep.yaml", Injected("sleep.yaml")));
        Assert.Equal(0, exit);
        Assert.Contains("0 errors, 0 warnings, 0 info.", stdout);
    }

    [Fact]
    public void Seed_labelled_namespace_alone_is_enough_the_webhook_injects_sleep()
    {
        var (exit, stdout, _) = Check([Write("namespace.yaml", DefaultLabelled), .. Seed()]);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("KI0004", stdout);
    }

    private const string SleepPolicy = """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: sleep-egress-only
          namespace: default
        spec:
          selector:
            matchLabels:
              app: sleep
          action: DENY
          rules:
          - from:
            - source:
                notNamespaces: ["default"]
        """;

    [Fact]
    public async Task An_authorization_policy_selecting_sleep_without_a_sidecar_has_no_effect()
    {
        var (exit, stdout, _) = Check([.. Seed(), Write("ap.yaml", SleepPolicy)]);
        Assert.Equal(79, exit);
        await VerifyOutput(stdout);
    }

    [Fact]
    public void Two_policies_nothing_enforces_are_explained_once_naming_both()
    {
        var (_, stdout, _) = Check([.. Seed(), Write("ap.yaml", SleepPolicy + "\n---\n" + SleepPolicy.Replace("sleep-egress-only", "sleep-audit"))]);
        Assert.Contains("Warning [KI0005] selects only workloads that will run without a sidecar (sleep), so it has no effect: nothing enforces it\n", stdout);
        Assert.Contains("  Policies: AuthorizationPolicy default/sleep-egress-only (", stdout);
        Assert.Contains(", AuthorizationPolicy default/sleep-audit (", stdout);
    }

    [Fact]
    public void An_authorization_policy_selecting_an_injected_sleep_is_enforced()
    {
        var (exit, stdout, _) = Check(Write("ap.yaml", SleepPolicy), Write("sleep.yaml", Injected("sleep.yaml")));
        Assert.Equal(0, exit);
        Assert.DoesNotContain("KI0005", stdout);
        Assert.DoesNotContain("IST0127", stdout);
    }

    [Fact]
    public async Task Selectors_that_match_nothing_and_root_namespace_peer_selectors_are_reported()
    {
        var (exit, stdout, _) = Check(Write("httpbin.yaml", Injected("httpbin.yaml")), Write("policies.yaml", """
            # matches no pod of the inputs (IST0127, info: it may select workloads deployed from elsewhere)
            apiVersion: telemetry.istio.io/v1
            kind: Telemetry
            metadata:
              name: bogus
              namespace: default
            spec:
              selector:
                matchLabels:
                  app: bogus
            ---
            # the Sidecar and EnvoyFilter kinds select with workloadSelector.labels
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata:
              name: httpbin
              namespace: default
            spec:
              workloadSelector:
                labels:
                  app: httpbin
            ---
            # Istio ignores a PeerAuthentication with a selector in the root namespace (PeerAuthentication reference)
            apiVersion: security.istio.io/v1beta1
            kind: PeerAuthentication
            metadata:
              name: httpbin-strict
              namespace: istio-system
            spec:
              selector:
                matchLabels:
                  app: httpbin
              mtls:
                mode: STRICT
            ---
            # attached to a gateway by targetRefs: not a sidecar's policy, not judged
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: gateway
              namespace: default
            spec:
              targetRefs:
              - kind: Gateway
                group: gateway.networking.k8s.io
                name: web
            """));
        Assert.Equal(0, exit);
        await VerifyOutput(stdout);
    }

    [Fact]
    public void A_root_namespace_selector_reaches_every_namespace_only_for_the_kinds_documented_so()
    {
        // AuthorizationPolicy reference: "If the authorization policy is in the root namespace, the selector will
        // additionally match with workloads in all namespaces". WorkloadSelector reference (Sidecar, Telemetry):
        // "The scope of label search is restricted to the configuration namespace".
        var (_, stdout, _) = Check(Write("sleep.yaml", File.ReadAllText(Sample("sleep.yaml"))), Write("root.yaml", """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: sleep-everywhere
              namespace: istio-system
            spec:
              selector:
                matchLabels:
                  app: sleep
            ---
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata:
              name: sleep-everywhere
              namespace: istio-system
            spec:
              workloadSelector:
                labels:
                  app: sleep
            """));
        Assert.Contains("Warning [KI0005] (AuthorizationPolicy istio-system/sleep-everywhere", stdout);
        Assert.Contains("Info [IST0127] (Sidecar istio-system/sleep-everywhere", stdout);
    }

    [Fact]
    public void Strict_workloads_of_other_namespaces_are_named_with_their_namespace_and_a_long_list_is_cut()
    {
        string httpbin = Injected("httpbin.yaml");
        var files = new List<string> { Write("mtls.yaml", MeshStrict), Write("sleep.yaml", File.ReadAllText(Sample("sleep.yaml"))) };
        foreach (var ns in new[] { "a", "b", "c", "d" })
            files.Add(Write($"httpbin-{ns}.yaml", httpbin.Replace("namespace: default", $"namespace: {ns}")));
        var (exit, stdout, _) = Check([.. files]);
        Assert.Equal(79, exit);
        Assert.Contains("calls from sleep to STRICT workloads (a/httpbin, b/httpbin, c/httpbin, … (4 in all)) will be refused", stdout);
    }

    [Fact]
    public void Infrastructure_outside_the_mesh_by_design_is_not_reported()
    {
        // istiod runs without a sidecar in the root namespace; kube-system is never injected.
        string Infra(string ns) => File.ReadAllText(Sample("sleep.yaml")).Replace("namespace: default", $"namespace: {ns}");
        var (exit, stdout, _) = Check(Write("mtls.yaml", MeshStrict), Write("httpbin.yaml", Injected("httpbin.yaml")),
            Write("istiod.yaml", Infra("istio-system")), Write("dns.yaml", Infra("kube-system")));
        Assert.Equal(0, exit);
        Assert.DoesNotContain("KI0004", stdout);
    }

    [Fact]
    public void A_namespace_permissive_policy_overrides_the_mesh_wide_strict()
    {
        var (exit, stdout, _) = Check([.. Seed(), Write("permissive.yaml", """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata:
              name: default
              namespace: default
            spec:
              mtls:
                mode: PERMISSIVE
            """)]);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("KI0004", stdout);
    }

    [Fact]
    public void A_namespace_policy_with_unset_mode_inherits_the_mesh_wide_strict()
    {
        var (exit, stdout, _) = Check([.. Seed(), Write("unset.yaml", """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata:
              name: default
              namespace: default
            spec:
              mtls:
                mode: UNSET
            """)]);
        Assert.Equal(79, exit);
        Assert.Contains("[KI0004]", stdout);
    }

    [Fact]
    public void A_strict_port_of_a_permissive_workload_refuses_plain_text_to_that_port()
    {
        // Workload policy: mode UNSET inherits the default PERMISSIVE; port 8080 is STRICT.
        var (exit, stdout, _) = Check(
            Write("httpbin.yaml", Injected("httpbin.yaml")),
            Write("sleep.yaml", File.ReadAllText(Sample("sleep.yaml"))),
            Write("port.yaml", """
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata:
                  name: httpbin
                  namespace: default
                spec:
                  selector:
                    matchLabels:
                      app: httpbin
                  portLevelMtls:
                    8080:
                      mode: STRICT
                """));
        Assert.Equal(79, exit);
        Assert.Contains("calls from sleep to STRICT workloads (httpbin port 8080) will be refused: no sidecar to originate mutual TLS (STRICT from PeerAuthentication default/httpbin)", stdout);
        var (_, json, _) = Check("-o", "json", Path.Combine(_dir, "httpbin.yaml"), Path.Combine(_dir, "port.yaml"));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var pa = doc.RootElement.GetProperty("workloads")[0].GetProperty("peerAuthentication");
        Assert.Equal("PERMISSIVE", pa.GetProperty("mode").GetString());
        Assert.Equal("STRICT", pa.GetProperty("ports").GetProperty("8080").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, pa.GetProperty("policy").ValueKind);
    }

    [Fact]
    public void A_mesh_config_moves_the_root_namespace()
    {
        string[] seed = Seed();
        // With rootNamespace istio-config, the STRICT policy in istio-system only covers istio-system: no error.
        var mesh = Write("mesh.yaml", "rootNamespace: istio-config\n");
        var (exit, stdout, _) = Check([.. seed, "--mesh-config", mesh]);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("KI0004", stdout);
        // The same policy in istio-config is mesh-wide again.
        Write("mtls.yaml", MeshStrict.Replace("namespace: istio-system", "namespace: istio-config"));
        Assert.Equal(79, Check([.. seed, "--mesh-config", mesh]).Exit);
    }

    [Fact]
    public async Task A_cronjob_injected_without_native_sidecars_never_completes()
    {
        var cron = Write("report.yaml", Injected("report.yaml", NativeSidecarMode.Disabled, Fixture("cronjob.yaml")));
        var (exit, stdout, _) = Check(cron);
        Assert.Equal(0, exit);
        await VerifyOutput(stdout);
    }

    [Fact]
    public void A_cronjob_checked_against_1_29_is_told_about_the_native_sidecar_annotation()
    {
        var cron = Write("report.yaml", Injected("report.yaml", NativeSidecarMode.Disabled, Fixture("cronjob.yaml")));
        var (_, stdout, _) = Run("check", cron, "--istio-version", "1.29.6");
        Assert.Contains("[KI0006]", stdout);
        Assert.Contains("--native-sidecars true, or annotate the pod template sidecar.istio.io/nativeSidecar: \"true\"", stdout);
    }

    [Fact]
    public void A_cronjob_injected_with_native_sidecars_completes()
    {
        var cron = Write("report.yaml", Injected("report.yaml", NativeSidecarMode.Enabled, Fixture("cronjob.yaml")));
        var (exit, stdout, _) = Check(cron);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("KI0006", stdout);
        Assert.Contains("0 errors, 0 warnings, 0 info.", stdout);
    }

    [Fact]
    public async Task Version_proxies_lists_each_proxy_against_the_target()
    {
        var (exit, stdout, _) = Run("version", "--proxies", "--istio-version", "1.23", Fixture("httpbin-1.22.4.yaml"), Fixture("sleep-1.22.4.yaml"),
            Write("httpbin.yaml", Injected("httpbin.yaml")), Sample("sleep.yaml"));
        Assert.Equal(0, exit);
        await VerifyOutput(stdout).ScrubLinesWithReplace(l => l.StartsWith("client version: ", StringComparison.Ordinal) ? "client version: {scrubbed}" : l);
    }

    [Fact]
    public async Task Version_proxies_as_json()
    {
        var (exit, stdout, _) = Run("version", "--proxies", "-o", "json", "--istio-version", "1.23.0", Fixture("httpbin-1.22.4.yaml"), Write("httpbin.yaml", Injected("httpbin.yaml")));
        Assert.Equal(0, exit);
        await VerifyOutput(stdout, "json");
    }

    [Fact]
    public void Version_proxies_takes_the_target_from_the_repository_config()
    {
        var config = Write(".kube-inject.yaml", "istioVersion: 1.23.0\n");
        var (exit, stdout, _) = Run("version", "--proxies", "--config", config, Fixture("httpbin-1.22.4.yaml"));
        Assert.Equal(0, exit);
        Assert.Matches(@"Deployment/httpbin\s+default\s+1\.22\.4\s+1\.23\.0\s+STALE", stdout);
    }

    [Fact]
    public void Version_proxies_marks_a_tag_that_is_no_version_with_a_question_mark()
    {
        var latest = Write("latest.yaml", Injected("httpbin.yaml").Replace("docker.io/istio/proxyv2:1.23.0", "docker.io/istio/proxyv2:latest"));
        var (exit, stdout, _) = Run("version", "--proxies", "--istio-version", "1.23.0", latest);
        Assert.Equal(0, exit);
        Assert.Matches(@"Deployment/httpbin\s+default\s+unknown\s+1\.23\.0\s+\?\s", stdout);
    }

    [Fact]
    public void A_missing_mesh_config_exits_66() =>
        Assert.Equal(66, Check([.. Seed(), "--mesh-config", Path.Combine(_dir, "nope.yaml")]).Exit);

    [Fact]
    public void An_invalid_mesh_config_exits_65() =>
        Assert.Equal(65, Check([.. Seed(), "--mesh-config", Write("mesh.yaml", "rootNamespace: [a, b]\n")]).Exit);

    [Fact]
    public void Version_proxies_without_manifests_is_a_usage_error() => Assert.Equal(64, Run("version", "--proxies").Exit);

    [Fact]
    public void No_snapshot_of_this_class_is_dangling() =>
        Assert.Empty(DanglingSnapshots.FindForTestClass(typeof(MeshPolicyTests)));
}
