using KubeInject.GoTemplates;
using KubeInject.Reading;
using KubeInject.Rendering;
using KubeInject.Versions;
using KubeInject.Yaml;

namespace KubeInject.Tests.Rendering;

/// <summary>
/// Hand-built template data for rendering tests of the stock Go templates: the conformance corpus' "hello" pod, the 1.23.0 default
/// injector values (only the keys the stock templates read), and Istio's ProxyConfig/MeshConfig defaults.
/// Embedded so the tests do not depend on /work/shared.
/// </summary>
internal static class RenderFixture
{
    public const string HelloPod = """
        metadata:
          labels:
            app: hello
            tier: backend
            track: stable
        spec:
          containers:
            - name: hello
              image: "fake.docker.io/google-samples/hello-go-gke:1.0"
              ports:
                - name: http
                  containerPort: 80
        """;

    // settings/default/values.yaml of the 1.23.0 corpus, trimmed to what the templates read.
    public const string DefaultValues = """
        {
          "gateways": { "seccompProfile": {}, "securityContext": {} },
          "global": {
            "caAddress": "",
            "caName": "",
            "hub": "gcr.io/istio-testing",
            "imagePullPolicy": "",
            "imagePullSecrets": [],
            "istioNamespace": "istio-system",
            "logAsJson": false,
            "logging": { "level": "default:info" },
            "meshID": "",
            "mountMtlsCerts": false,
            "multiCluster": { "clusterName": "", "enabled": false },
            "network": "",
            "pilotCertProvider": "istiod",
            "proxy": {
              "autoInject": "enabled",
              "clusterDomain": "cluster.local",
              "componentLogLevel": "misc:error",
              "enableCoreDump": false,
              "excludeIPRanges": "",
              "excludeInboundPorts": "",
              "excludeOutboundPorts": "",
              "image": "proxyv2",
              "includeIPRanges": "*",
              "includeInboundPorts": "*",
              "includeOutboundPorts": "",
              "logLevel": "warning",
              "outlierLogPath": "",
              "privileged": false,
              "readinessFailureThreshold": 4,
              "readinessInitialDelaySeconds": 0,
              "readinessPeriodSeconds": 15,
              "resources": {
                "limits": { "cpu": "2000m", "memory": "1024Mi" },
                "requests": { "cpu": "100m", "memory": "128Mi" }
              },
              "startupProbe": { "enabled": true, "failureThreshold": 600 },
              "statusPort": 15020,
              "tracer": "none"
            },
            "proxy_init": { "image": "proxyv2" },
            "sds": { "token": { "aud": "istio-ca" } },
            "sts": { "servicePort": 0 },
            "tag": "latest",
            "variant": ""
          },
          "istio_cni": { "chained": true, "enabled": false, "provider": "default" },
          "pilot": { "cni": { "enabled": false, "provider": "default" } },
          "revision": "",
          "sidecarInjectorWebhook": { "rewriteAppHTTPProbe": true }
        }
        """;

    // DefaultProxyConfig after merging the corpus' mesh.yaml (discoveryAddress), as Go fills it in.
    public const string DefaultProxyConfig = """
        configPath: ./etc/istio/proxy
        binaryPath: /usr/local/bin/envoy
        serviceCluster: istio-proxy
        drainDuration: 45s
        terminationDrainDuration: 5s
        discoveryAddress: istiod.istio-system.svc:15012
        proxyAdminPort: 15000
        controlPlaneAuthPolicy: MUTUAL_TLS
        statNameLength: 189
        statusPort: 15020
        """;

    public const string DefaultMeshConfig = """
        proxyListenPort: 15001
        proxyInboundListenPort: 15006
        trustDomain: cluster.local
        rootNamespace: istio-system
        enablePrometheusMerge: true
        """;

    public static YMapping Parse(string yaml) => (YMapping)ManifestReader.Read(yaml, "fixture.yaml").First().Root!;

    /// <summary>Template data for a Deployment "hello" with the given pod template and settings.</summary>
    public static TemplateData Data(
        string pod = HelloPod,
        string values = DefaultValues,
        string proxyConfig = DefaultProxyConfig,
        string proxyConfigJson = "{}",
        string inboundTrafficPolicyMode = "passthrough",
        IReadOnlyDictionary<string, string>? environment = null,
        string compliancePolicy = "")
    {
        var podTree = Parse(pod);
        return new TemplateData
        {
            Kind = "Deployment",
            ApiVersion = "apps/v1",
            DeploymentName = "hello",
            DeploymentNamespace = "",
            ObjectMeta = podTree["metadata"] as YMapping ?? new YMapping(),
            Spec = (YMapping)podTree["spec"]!,
            ProxyConfig = Parse(proxyConfig),
            ProxyConfigJson = proxyConfigJson,
            MeshConfig = Parse(DefaultMeshConfig),
            Values = Parse(values),
            Revision = "",
            ProxyImage = "gcr.io/istio-testing/proxyv2:latest",
            InboundTrafficPolicyMode = inboundTrafficPolicyMode,
            CompliancePolicy = compliancePolicy,
            Environment = environment ?? new Dictionary<string, string>(),
        };
    }

    /// <summary>Values JSON with one dotted path replaced by a JSON value, e.g. <c>With("global.proxy.enableCoreDump", "true")</c>.</summary>
    public static string WithValue(string path, string jsonValue, string values = DefaultValues)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(values)!;
        var parts = path.Split('.');
        var parent = node;
        foreach (var p in parts[..^1]) parent = parent[p] ??= new System.Text.Json.Nodes.JsonObject();
        parent[parts[^1]] = System.Text.Json.Nodes.JsonNode.Parse(jsonValue);
        return node.ToJsonString();
    }

    // The fixture is 1.23.0's (its values and the corpus' hello/expected.yaml of that version).
    private static readonly IstioVersionProfile Istio123 = IstioVersions.Bundled.Resolve("1.23");

    /// <summary>Istio 1.23.0's stock Go template <paramref name="template"/> rendered for <paramref name="data"/>.</summary>
    public static string RenderText(TemplateData data, string template = "sidecar") =>
        IstioTemplateData.Render(BundledGoTemplates.Of(Istio123)[template], data);

    /// <summary>The rendered template as the injector sees it: parsed, with Istio's typed round trip applied.</summary>
    public static YMapping Render(TemplateData data, string template = "sidecar")
    {
        var text = RenderText(data, template);
        var patch = (YMapping)ManifestReader.Read(text, template + ".rendered.yaml").First().Root!;
        RenderedPatchTyping.Apply(patch, Istio123.ZeroResourceFieldRefDivisor);
        return patch;
    }
}
