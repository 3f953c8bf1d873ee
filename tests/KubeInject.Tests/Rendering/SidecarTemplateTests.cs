using KubeInject.Rendering;
using KubeInject.Yaml;

namespace KubeInject.Tests.Rendering;

/// <summary>The stock "sidecar" template rendered for the hello Deployment, compared with the corpus' hello/expected.yaml.</summary>
public class SidecarTemplateTests
{
    private static YMapping Hello(Func<TemplateData, TemplateData>? change = null) =>
        RenderFixture.Render(change is null ? RenderFixture.Data() : change(RenderFixture.Data()));

    private static YNode? Proxy(YMapping r) => r.At("spec", "containers").Named("istio-proxy");

    [Fact]
    public void Labels_and_annotations_match_the_golden_file()
    {
        var r = Hello();
        Assert.Equal("istio", r.Text("metadata", "labels", "security.istio.io/tlsMode"));
        Assert.Equal("hello", r.Text("metadata", "labels", "service.istio.io/canonical-name"));
        Assert.Equal("latest", r.Text("metadata", "labels", "service.istio.io/canonical-revision"));
        Assert.Equal("default", r.Text("metadata", "annotations", "istio.io/rev"));
        Assert.Equal("hello", r.Text("metadata", "annotations", "kubectl.kubernetes.io/default-container"));
        Assert.Equal("hello", r.Text("metadata", "annotations", "kubectl.kubernetes.io/default-logs-container"));
        Assert.Null(r.At("metadata", "annotations", "sidecar.istio.io/interceptionMode"));
    }

    [Fact]
    public void Istio_init_args_are_strings_and_exclude_the_status_port()
    {
        var init = Hello().At("spec", "initContainers").Named("istio-init");
        Assert.Equal(
            ["istio-iptables", "-p", "15001", "-z", "15006", "-u", "1337", "-m", "REDIRECT", "-i", "*", "-x", "", "-b", "*", "-d", "15090,15021,15020", "--log_output_level=default:info"],
            init.Strings("args"));
        Assert.Equal(ScalarKind.String, init.Scalar("args", 2).Kind);
        Assert.Equal("gcr.io/istio-testing/proxyv2:latest", init.Text("image"));
        Assert.Equal("NET_ADMIN", init.Text("securityContext", "capabilities", "add", 0));
        Assert.Equal("0", init.Text("securityContext", "runAsUser"));
    }

    [Fact]
    public void Istio_proxy_container_matches_the_golden_file()
    {
        var proxy = Proxy(Hello());
        Assert.Equal("gcr.io/istio-testing/proxyv2:latest", proxy.Text("image"));
        Assert.Equal(["proxy", "sidecar", "--domain", "$(POD_NAMESPACE).svc.cluster.local", "--proxyLogLevel=warning", "--proxyComponentLogLevel=misc:error", "--log_output_level=default:info"], proxy.Strings("args"));
        var names = ((YSequence)proxy.At("env")!).Items.Select(e => e.Text("name")).ToList();
        Assert.Equal(["PILOT_CERT_PROVIDER", "CA_ADDR", "POD_NAME", "POD_NAMESPACE", "INSTANCE_IP", "SERVICE_ACCOUNT", "HOST_IP", "ISTIO_CPU_LIMIT", "PROXY_CONFIG", "ISTIO_META_POD_PORTS", "ISTIO_META_APP_CONTAINERS", "GOMEMLIMIT", "GOMAXPROCS", "ISTIO_META_CLUSTER_ID", "ISTIO_META_NODE_NAME", "ISTIO_META_INTERCEPTION_MODE", "ISTIO_META_WORKLOAD_NAME", "ISTIO_META_OWNER", "ISTIO_META_MESH_ID", "TRUST_DOMAIN"], names);
        Assert.Equal("istiod.istio-system.svc:15012", proxy.Env("CA_ADDR"));
        Assert.Equal("{}\n", proxy.Env("PROXY_CONFIG"));
        Assert.Equal("[\n    {\"name\":\"http\",\"containerPort\":80}\n]", proxy.Env("ISTIO_META_POD_PORTS"));
        Assert.Equal("hello", proxy.Env("ISTIO_META_APP_CONTAINERS"));
        Assert.Equal("kubernetes://apis/apps/v1/namespaces/default/deployments/hello", proxy.Env("ISTIO_META_OWNER"));
        Assert.Equal("cluster.local", proxy.Env("TRUST_DOMAIN"));
        Assert.Equal("0", proxy.At("env").Named("GOMEMLIMIT").Text("valueFrom", "resourceFieldRef", "divisor"));
        Assert.Equal(ScalarKind.String, proxy.At("env").Named("GOMEMLIMIT").Scalar("valueFrom", "resourceFieldRef", "divisor").Kind);
    }

    [Fact]
    public void Probes_render_zero_delays_as_go_does_for_the_merge_to_apply()
    {
        // A re-injection must reset a previous non-zero delay, so the 0 is rendered and merged (and then kept).
        var proxy = Proxy(Hello());
        Assert.Equal("0", proxy.Text("startupProbe", "initialDelaySeconds"));
        Assert.Equal("600", proxy.Text("startupProbe", "failureThreshold"));
        Assert.Equal("0", proxy.Text("readinessProbe", "initialDelaySeconds"));
        Assert.Equal("15", proxy.Text("readinessProbe", "periodSeconds"));
        Assert.Equal("15021", proxy.Text("readinessProbe", "httpGet", "port"));
    }

    [Fact]
    public void Resources_come_from_values_unless_annotations_set_them()
    {
        Assert.Equal("2000m", Proxy(Hello()).Text("resources", "limits", "cpu"));
        var pod = "metadata:\n  annotations:\n    sidecar.istio.io/proxyCPU: 50m\n    sidecar.istio.io/proxyMemoryLimit: 1Gi\nspec:\n  containers: [{name: a}]";
        var proxy = Proxy(RenderFixture.Render(RenderFixture.Data(pod: pod)));
        Assert.Equal("50m", proxy.Text("resources", "requests", "cpu"));
        Assert.Null(proxy.At("resources", "requests", "memory"));
        Assert.Equal("1Gi", proxy.Text("resources", "limits", "memory"));
        Assert.Null(proxy.At("resources", "limits", "cpu"));
    }

    [Fact]
    public void Security_context_runs_as_the_proxy_user()
    {
        var sc = Proxy(Hello()).At("securityContext");
        Assert.Equal("1337", sc.Text("runAsUser"));
        Assert.Equal("true", sc.Text("runAsNonRoot"));
        Assert.Equal("true", sc.Text("readOnlyRootFilesystem"));
        Assert.Null(sc.At("capabilities", "add"));
    }

    [Fact]
    public void Socket_volumes_keep_the_template_s_null_empty_dir_for_the_merge_to_drop()
    {
        // Istio's template writes "- emptyDir:" with no value; the golden pod has no emptyDir (a null deletes in the merge).
        var volumes = Hello().At("spec", "volumes");
        var socket = Assert.IsType<YMapping>(volumes.Named("workload-socket"));
        Assert.Equal(ScalarKind.Null, Assert.IsType<YScalar>(socket["emptyDir"]).Kind);
        Assert.Equal("Memory", volumes.Named("istio-envoy").Text("emptyDir", "medium"));
        Assert.Equal("istio-ca", volumes.Named("istio-token").Text("projected", "sources", 0, "serviceAccountToken", "audience"));
        Assert.NotNull(volumes.Named("istiod-ca-cert"));
    }

    [Fact]
    public void Cni_replaces_istio_init_with_istio_validation_and_annotates_the_pod()
    {
        var r = RenderFixture.Render(RenderFixture.Data(values: RenderFixture.WithValue("istio_cni.enabled", "true")));
        var init = r.At("spec", "initContainers").Named("istio-validation");
        Assert.NotNull(init);
        Assert.Null(r.At("spec", "initContainers").Named("istio-init"));
        Assert.Equal(["--run-validation", "--skip-rule-apply"], init.Strings("args").TakeLast(2));
        Assert.Equal("true", init.Text("securityContext", "runAsNonRoot"));
        Assert.Equal("REDIRECT", r.Text("metadata", "annotations", "sidecar.istio.io/interceptionMode"));
        Assert.Equal("15020", r.Text("metadata", "annotations", "traffic.sidecar.istio.io/excludeInboundPorts"));
        Assert.Equal("*", r.Text("metadata", "annotations", "traffic.sidecar.istio.io/includeOutboundIPRanges"));
        Assert.Null(r.At("metadata", "annotations", "k8s.v1.cni.cncf.io/networks")); // chained CNI without multus
    }

    [Fact]
    public void Multus_cni_appends_the_istio_network()
    {
        var values = RenderFixture.WithValue("istio_cni.provider", "\"multus\"", RenderFixture.WithValue("istio_cni.enabled", "true"));
        var pod = "metadata:\n  annotations: {k8s.v1.cni.cncf.io/networks: '[]'}\nspec: {containers: [{name: a}]}";
        var r = RenderFixture.Render(RenderFixture.Data(pod: pod, values: values));
        Assert.Equal("[, {\"name\": \"default/istio-cni\"}]", r.Text("metadata", "annotations", "k8s.v1.cni.cncf.io/networks"));
    }

    [Fact]
    public void Tproxy_adds_net_admin_and_runs_the_proxy_as_root()
    {
        var r = RenderFixture.Render(RenderFixture.Data(proxyConfig: RenderFixture.DefaultProxyConfig + "\ninterceptionMode: TPROXY"));
        var proxy = Proxy(r);
        Assert.Equal(["NET_ADMIN"], proxy.Strings("securityContext", "capabilities", "add"));
        Assert.Equal("0", proxy.Text("securityContext", "runAsUser"));
        Assert.Equal("false", proxy.Text("securityContext", "runAsNonRoot"));
        Assert.Equal("TPROXY", proxy.Env("ISTIO_META_INTERCEPTION_MODE"));
        Assert.Equal("TPROXY", r.At("spec", "initContainers").Named("istio-init").Text("args", 8));
    }

    [Fact]
    public void Interception_mode_none_renders_no_init_container()
    {
        var pod = "metadata:\n  annotations: {sidecar.istio.io/interceptionMode: NONE}\nspec: {containers: [{name: a}]}";
        var r = RenderFixture.Render(RenderFixture.Data(pod: pod));
        Assert.Equal(ScalarKind.Null, r.Scalar("spec", "initContainers").Kind);
        Assert.Equal("NONE", Proxy(r).Env("ISTIO_META_INTERCEPTION_MODE"));
    }

    [Fact]
    public void Native_sidecars_put_the_proxy_in_init_containers()
    {
        var data = RenderFixture.Data(environment: new Dictionary<string, string> { ["ENABLE_NATIVE_SIDECARS"] = "true" });
        var r = RenderFixture.Render(data);
        Assert.Null(r.At("spec", "containers"));
        var proxy = r.At("spec", "initContainers").Named("istio-proxy");
        Assert.Equal("Always", proxy.Text("restartPolicy"));
        Assert.Equal(["pilot-agent", "request", "--debug-port=15020", "POST", "drain"], proxy.Strings("lifecycle", "preStop", "exec", "command"));
        Assert.Equal(["istio-init", "istio-proxy"], ((YSequence)r.At("spec", "initContainers")!).Items.Select(i => i.Text("name")!));
    }

    [Fact]
    public void Native_sidecars_need_the_exact_string_true()
    {
        var data = RenderFixture.Data(environment: new Dictionary<string, string> { ["ENABLE_NATIVE_SIDECARS"] = "1" });
        Assert.NotNull(RenderFixture.Render(data).At("spec", "containers").Named("istio-proxy"));
    }

    [Fact]
    public void Hold_application_adds_a_post_start_hook()
    {
        var r = RenderFixture.Render(RenderFixture.Data(values: RenderFixture.WithValue("global.proxy.holdApplicationUntilProxyStarts", "true")));
        Assert.Equal(["pilot-agent", "wait"], Proxy(r).Strings("lifecycle", "postStart", "exec", "command"));
    }

    [Fact]
    public void Core_dump_adds_an_init_container_and_a_writable_root()
    {
        var r = RenderFixture.Render(RenderFixture.Data(values: RenderFixture.WithValue("global.proxy.enableCoreDump", "true")));
        var dump = r.At("spec", "initContainers").Named("enable-core-dump");
        Assert.Equal(["-c", "sysctl -w kernel.core_pattern=/var/lib/istio/data/core.proxy && ulimit -c unlimited"], dump.Strings("args"));
        Assert.Equal("false", Proxy(r).Text("securityContext", "readOnlyRootFilesystem"));
    }

    [Fact]
    public void Status_port_zero_drops_the_probes_and_the_port_exclusion()
    {
        var pod = "metadata:\n  annotations: {status.sidecar.istio.io/port: \"0\"}\nspec: {containers: [{name: a}]}";
        var r = RenderFixture.Render(RenderFixture.Data(pod: pod));
        Assert.Null(Proxy(r).At("readinessProbe"));
        Assert.Null(Proxy(r).At("startupProbe"));
        Assert.Equal("15090,15021", r.At("spec", "initContainers").Named("istio-init").Text("args", 16));
    }

    [Fact]
    public void Proxy_metadata_becomes_env_in_sorted_order_and_empty_values_are_dropped()
    {
        var pc = RenderFixture.DefaultProxyConfig + "\nproxyMetadata: {ZED: z, ALPHA: a, EMPTY: \"\"}";
        var r = RenderFixture.Render(RenderFixture.Data(proxyConfig: pc));
        var env = (YSequence)Proxy(r).At("env")!;
        Assert.Equal(["ALPHA", "EMPTY", "ZED"], env.Items.Skip(env.Count - 3).Select(e => e.Text("name")!));
        Assert.Null(env.Named("EMPTY").At("value"));
        Assert.Equal("a", r.At("spec", "initContainers").Named("istio-init").Env("ALPHA"));
    }

    [Fact]
    public void Localhost_inbound_policy_and_compliance_policy_add_env()
    {
        var proxy = Proxy(RenderFixture.Render(RenderFixture.Data(inboundTrafficPolicyMode: "localhost", compliancePolicy: "fips-140-2")));
        Assert.Equal("true", proxy.Env("REWRITE_PROBE_LEGACY_LOCALHOST_DESTINATION"));
        Assert.Equal("fips-140-2", proxy.Env("COMPLIANCE_POLICY"));
    }

    [Fact]
    public void User_volumes_and_mounts_come_from_annotations_in_key_order()
    {
        const string pod = """
            metadata:
              annotations:
                sidecar.istio.io/userVolume: '{"b-vol":{"secret":{"secretName":"s"}},"a-vol":{"emptyDir":{}}}'
                sidecar.istio.io/userVolumeMount: '{"b-vol":{"mountPath":"/b","readOnly":true}}'
            spec: {containers: [{name: a}]}
            """;
        var r = RenderFixture.Render(RenderFixture.Data(pod: pod));
        var volumes = (YSequence)r.At("spec", "volumes")!;
        Assert.Equal("s", volumes.Named("b-vol").Text("secret", "secretName"));
        Assert.True(volumes.Items.ToList().IndexOf(volumes.Named("a-vol")!) < volumes.Items.ToList().IndexOf(volumes.Named("b-vol")!));
        Assert.Equal("/b", Proxy(r).At("volumeMounts").Named("b-vol").Text("mountPath"));
    }

    [Fact]
    public void Mtls_certs_and_image_pull_secrets_come_from_values()
    {
        var values = RenderFixture.WithValue("global.imagePullSecrets", "[\"barSecret\"]", RenderFixture.WithValue("global.mountMtlsCerts", "true"));
        var r = RenderFixture.Render(RenderFixture.Data(values: values));
        Assert.Equal("istio.default", r.At("spec", "volumes").Named("istio-certs").Text("secret", "secretName"));
        Assert.Equal("barSecret", r.Text("spec", "imagePullSecrets", 0, "name"));
    }

    [Fact]
    public void A_proxy_image_annotation_with_a_slash_wins()
    {
        var pod = "metadata:\n  annotations: {sidecar.istio.io/proxyImage: docker.io/istio/proxy2:1}\nspec: {containers: [{name: a}]}";
        var r = RenderFixture.Render(RenderFixture.Data(pod: pod));
        Assert.Equal("docker.io/istio/proxy2:1", Proxy(r).Text("image"));
        Assert.Equal("docker.io/istio/proxy2:1", r.At("spec", "initContainers").Named("istio-init").Text("image"));
    }

    [Fact]
    public void Lightstep_tracing_mounts_the_ca_directory()
    {
        var pc = RenderFixture.DefaultProxyConfig + "\ntracing: {tlsSettings: {caCertificates: /etc/lightstep/ca.pem}}";
        var r = RenderFixture.Render(RenderFixture.Data(proxyConfig: pc, values: RenderFixture.WithValue("global.proxy.tracer", "\"lightstep\"")));
        Assert.Equal("/etc/lightstep/", Proxy(r).At("volumeMounts").Named("lightstep-certs").Text("mountPath"));
        Assert.NotNull(r.At("spec", "volumes").Named("lightstep-certs"));
    }

    [Fact]
    public void Iptables_trace_logging_makes_the_proxy_privileged()
    {
        var pc = RenderFixture.DefaultProxyConfig + "\nproxyMetadata: {IPTABLES_TRACE_LOGGING: \"true\"}";
        var sc = Proxy(RenderFixture.Render(RenderFixture.Data(proxyConfig: pc))).At("securityContext");
        Assert.Equal("true", sc.Text("privileged"));
        Assert.Equal("0", sc.Text("runAsUser"));
    }

    [Fact]
    public void Hbone_metadata_adds_the_tunnel_label()
    {
        var pc = RenderFixture.DefaultProxyConfig + "\nproxyMetadata: {ISTIO_META_ENABLE_HBONE: \"true\"}";
        Assert.Equal("http", RenderFixture.Render(RenderFixture.Data(proxyConfig: pc)).Text("metadata", "labels", "networking.istio.io/tunnel"));
    }
}
