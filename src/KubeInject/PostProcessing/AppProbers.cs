using System.Text.Json;
using KubeInject.Go;
using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.PostProcessing;

/// <summary>
/// Istio's <c>DumpAppProbers</c> and <c>mergeOrAppendProbers</c> (spec §6): the value of
/// <c>ISTIO_KUBE_APP_PROBERS</c>, a Go JSON map from the rewritten URL to the app's original handler.
/// </summary>
internal static class AppProbers
{
    /// <summary>The probes Istio takes over and their URL suffixes.</summary>
    public static readonly (string Field, string Url)[] Probes =
        [("readinessProbe", "readyz"), ("livenessProbe", "livez"), ("startupProbe", "startupz")];

    /// <summary>The lifecycle hooks 1.29 takes over.</summary>
    public static readonly (string Field, string Url)[] Hooks = [("preStop", "prestopz"), ("postStart", "poststartz")];

    /// <summary>The kubelet-facing URL of a probe.</summary>
    public static string ProbeUrl(string container, string suffix) => $"/app-health/{container}/{suffix}";

    /// <summary>The kubelet-facing URL of a lifecycle hook.</summary>
    public static string HookUrl(string container, string suffix) => $"/app-lifecycle/{container}/{suffix}";

    /// <summary>
    /// The probers of every non-proxy container (init containers first), named ports resolved against the same
    /// container's ports; entries with an unresolvable name or already pointing at <paramref name="statusPort"/> are dropped.
    /// </summary>
    public static SortedDictionary<string, AppProber?> Collect(YMapping pod, int statusPort, PostProcessOptions options)
    {
        var result = new SortedDictionary<string, AppProber?>(StringComparer.Ordinal);
        var all = (PodTree.List(pod, "initContainers")?.Items ?? []).Concat(PodTree.List(pod, "containers")?.Items ?? []);
        foreach (var item in all)
        {
            if (item is not YMapping c) continue;
            string name = PodTree.NameOf(c) ?? "";
            if (name == PodTree.ProxyName) continue;
            var ports = NamedPorts(c);
            foreach (var (field, url) in Probes)
                if (Resolve(AppProber.From(c[field] as YMapping), ports, statusPort) is { } p) result[ProbeUrl(name, url)] = p;
            if (options.RewriteLifecycleHooks && c["lifecycle"] is YMapping lifecycle)
                foreach (var (field, url) in Hooks)
                    if (Resolve(AppProber.From(lifecycle[field] as YMapping, withTimeout: false), ports, statusPort) is { } p) result[HookUrl(name, url)] = p;
        }
        return result;
    }

    /// <summary>Go JSON of the map (keys sorted).</summary>
    public static string ToJson(IReadOnlyDictionary<string, AppProber?> probers)
    {
        var json = new JsonWriter().BeginObject();
        foreach (var (url, p) in probers.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            json.Key(url);
            if (p is null) json.Null();
            else p.Write(json);
        }
        return json.EndObject().ToString();
    }

    /// <summary>
    /// Re-injection: the new probers with every old entry copied over them (old wins), re-serialised; null when
    /// the old value does not parse (Istio then leaves the env as it is).
    /// </summary>
    public static string? MergeWithExisting(string existing, IReadOnlyDictionary<string, AppProber?> fresh)
    {
        var merged = new SortedDictionary<string, AppProber?>(StringComparer.Ordinal);
        foreach (var (k, v) in fresh) merged[k] = v;
        try
        {
            using var doc = JsonDocument.Parse(existing);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return doc.RootElement.ValueKind == JsonValueKind.Null ? ToJson(merged) : null;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Null) { merged[p.Name] = null; continue; }
                if (p.Value.ValueKind != JsonValueKind.Object) return null;
                merged[p.Name] = AppProber.From((YMapping)JsonTree.ToNode(p.Value)) ?? EmptyProber;
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return ToJson(merged);
    }

    // An old entry with no handler still marshals (as {}); an empty httpGet-less prober is written as "{}".
    private static readonly AppProber EmptyProber = new("", new YMapping(), 0);

    private static Dictionary<string, long> NamedPorts(YMapping container)
    {
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        if (container["ports"] is not YSequence ports) return map;
        foreach (var p in ports.Items.OfType<YMapping>())
            if (PodTree.StringValue(p, "name") is { Length: > 0 } n && (p["containerPort"] as YScalar)?.ToValue() is long cp) map[n] = cp;
        return map;
    }

    private static AppProber? Resolve(AppProber? prober, Dictionary<string, long> ports, int statusPort)
    {
        if (prober is null || prober.Handler == "grpc") return prober;
        var port = prober.Action["port"] as YScalar;
        if (port is { Kind: ScalarKind.Int })
            return port.ToValue() is long l && l == statusPort ? null : prober;
        if (port is null || PodTree.IsNull(port)) return prober;
        if (!ports.TryGetValue(port.AsGoString(), out var resolved)) return null;
        // Resolve on a copy: the container's own probe is rewritten separately.
        var action = (YMapping)prober.Action.DeepClone();
        action.Set("port", YScalar.Int(resolved));
        return prober with { Action = action };
    }
}
