using KubeInject.Diagnostics;
using KubeInject.Pod;
using KubeInject.Yaml;
using static KubeInject.Yaml.YNodeReading;

namespace KubeInject.Checking.Policies;

/// <summary>
/// One Istio resource that configures the sidecars of the workloads it applies to: <c>security.istio.io</c>
/// <c>PeerAuthentication</c>, <c>AuthorizationPolicy</c>, <c>RequestAuthentication</c>; <c>networking.istio.io</c>
/// <c>Sidecar</c>, <c>EnvoyFilter</c>; <c>telemetry.istio.io</c> <c>Telemetry</c> (any API version of the group).
/// </summary>
/// <param name="Kind">The kind.</param>
/// <param name="Name">Its name.</param>
/// <param name="Namespace">Its namespace (the default namespace when the manifest names none).</param>
/// <param name="Location">Where the document is.</param>
/// <param name="Spec">Its <c>spec</c> (empty when absent).</param>
/// <param name="MatchLabels">
/// The workload selector's labels (<c>selector.matchLabels</c>, or <c>workloadSelector.labels</c> for Sidecar and
/// EnvoyFilter); null when absent or empty, which makes the resource namespace-wide (mesh-wide in the root namespace).
/// </param>
/// <param name="HasTargetRefs">True when it attaches by <c>targetRef</c>/<c>targetRefs</c> (to gateways and waypoints, not sidecars).</param>
internal sealed record IstioPolicy(
    string Kind,
    string Name,
    string Namespace,
    SourceLocation Location,
    YMapping Spec,
    IReadOnlyDictionary<string, string>? MatchLabels,
    bool HasTargetRefs)
{
    private static readonly Dictionary<string, string> GroupOfKind = new(StringComparer.Ordinal)
    {
        ["PeerAuthentication"] = "security.istio.io",
        ["AuthorizationPolicy"] = "security.istio.io",
        ["RequestAuthentication"] = "security.istio.io",
        ["Sidecar"] = "networking.istio.io",
        ["EnvoyFilter"] = "networking.istio.io",
        ["Telemetry"] = "telemetry.istio.io",
    };

    /// <summary><c>Kind namespace/name</c>.</summary>
    public string DisplayName => $"{Kind} {Namespace}/{Name}";

    /// <summary>True for a resource with a workload selector.</summary>
    public bool IsWorkloadScoped => MatchLabels is not null;

    /// <summary>The selector as <c>key=value,…</c> (as istioctl analyze prints it).</summary>
    public string SelectorText => MatchLabels is null ? "" : string.Join(",", MatchLabels.Select(kv => $"{kv.Key}={kv.Value}"));

    /// <summary>True when the pod labels satisfy the workload selector (every label present with its value).</summary>
    public bool Selects(IReadOnlyDictionary<string, string> podLabels) =>
        MatchLabels is not null && MatchLabels.All(kv => podLabels.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <summary>Reads an object of the input as an Istio resource, or null when it is none of the six kinds.</summary>
    public static IstioPolicy? TryRead(YMapping obj, SourceLocation location, string defaultNamespace)
    {
        string kind = Text(obj["kind"]);
        string apiVersion = Text(obj["apiVersion"]);
        if (!GroupOfKind.TryGetValue(kind, out var group) || !apiVersion.StartsWith(group + "/", StringComparison.Ordinal)) return null;
        var meta = obj["metadata"] as YMapping;
        string ns = Text(meta?["namespace"]);
        var spec = obj["spec"] as YMapping ?? new YMapping();
        var selector = kind is "Sidecar" or "EnvoyFilter"
            ? (spec["workloadSelector"] as YMapping)?["labels"]
            : (spec["selector"] as YMapping)?["matchLabels"];
        var labels = YNodeReading.StringMap(selector);
        bool targetRefs = spec["targetRef"] is YMapping || spec["targetRefs"] is YSequence { Items.Count: > 0 };
        return new IstioPolicy(kind, Text(meta?["name"]), ns.Length > 0 ? ns : defaultNamespace, location, spec, labels.Count > 0 ? labels : null, targetRefs);
    }

}
