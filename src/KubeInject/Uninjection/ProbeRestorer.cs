using System.Text.Json;
using KubeInject.Merging;
using KubeInject.Pod;
using KubeInject.PostProcessing;
using KubeInject.Yaml;

namespace KubeInject.Uninjection;

/// <summary>
/// Undoes the probe rewrite (spec §6): a probe (or 1.29 lifecycle hook) that points at its
/// <c>/app-health/&lt;container&gt;/…</c> URL gets back the handler recorded under that URL in
/// <c>ISTIO_KUBE_APP_PROBERS</c>. Only <c>path</c>, <c>port</c> and <c>scheme</c> change for an <c>httpGet</c>
/// handler (the rewrite touched nothing else); a <c>tcpSocket</c>/<c>grpc</c> handler replaces the <c>httpGet</c> at
/// the same position. Named ports come back as the number Istio recorded (the name is not kept).
/// </summary>
internal static class ProbeRestorer
{
    /// <summary>Restores the probes of every container the status annotation does not list.</summary>
    /// <param name="pod">The injected pod (edited in place).</param>
    /// <param name="status">The parsed status annotation.</param>
    /// <param name="probersJson">The value of <c>ISTIO_KUBE_APP_PROBERS</c>, or null.</param>
    /// <param name="usersProbersJson">The user's own <c>ISTIO_KUBE_APP_PROBERS</c> (an <c>istio-proxy</c> container
    /// the pod had before injection, recorded in its overrides): probes it lists were pointed at the sidecar by the
    /// user, so they stay without a warning.</param>
    /// <param name="warnings">Receives a line per rewritten probe that cannot be restored.</param>
    public static void Restore(YMapping pod, InjectionStatus status, string? probersJson, string? usersProbersJson, List<string> warnings)
    {
        var probers = Parse(probersJson);
        var users = Parse(usersProbersJson);
        foreach (var (field, injected) in new[] { ("initContainers", status.InitContainers), ("containers", status.Containers) })
        {
            if (PodTree.List(pod, field) is not { } list) continue;
            foreach (var c in list.Items.OfType<YMapping>())
            {
                var name = PodTree.NameOf(c) ?? "";
                if (name == PodTree.ProxyName || injected.Contains(name)) continue;
                foreach (var (probeField, suffix) in AppProbers.Probes)
                    if (c[probeField] is YMapping probe) RestoreHandler(probe, AppProbers.ProbeUrl(name, suffix), probers, users, $"{probeField} of container \"{name}\"", warnings);
                if (c["lifecycle"] is YMapping lifecycle)
                    foreach (var (hookField, suffix) in AppProbers.Hooks)
                        if (lifecycle[hookField] is YMapping hook) RestoreHandler(hook, AppProbers.HookUrl(name, suffix), probers, users, $"lifecycle.{hookField} of container \"{name}\"", warnings);
            }
        }
    }

    private static Dictionary<string, YMapping?> Parse(string? json)
    {
        var map = new Dictionary<string, YMapping?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json)) return map;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return map;
            foreach (var p in doc.RootElement.EnumerateObject())
                map[p.Name] = p.Value.ValueKind == JsonValueKind.Object ? (YMapping)JsonTree.ToNode(p.Value) : null;
        }
        catch (JsonException)
        {
            // Istio ignores an unparseable value too; the probes stay as they are (with a warning each).
        }
        return map;
    }

    private static void RestoreHandler(YMapping probe, string url, Dictionary<string, YMapping?> probers, Dictionary<string, YMapping?> users, string what, List<string> warnings)
    {
        if (probe["httpGet"] is not YMapping http || PodTree.StringValue(http, "path") != url) return;
        if (!probers.TryGetValue(url, out var entry) || entry is null || AppProber.From(entry) is not { } original)
        {
            if (!users.ContainsKey(url)) warnings.Add($"{what} points at the sidecar ({url}) but {SidecarEnv.AppProbers} has no original for it; left as is");
            return;
        }
        if (original.Handler == "httpGet")
        {
            RestoreHttp(http, original.Action);
            return;
        }
        var handler = (YMapping)original.Action.DeepClone();
        if (original.Handler == "grpc" && PodTree.IsNull(handler["service"])) handler.Remove("service");
        int at = probe.IndexOf("httpGet");
        probe.Remove("httpGet");
        probe.Insert(at, original.Handler, handler);
    }

    // The rewrite set path (inserting it when absent), set port, and turned scheme HTTPS into HTTP.
    private static void RestoreHttp(YMapping http, YMapping original)
    {
        if (PodTree.StringValue(original, "path") is { Length: > 0 } path) PodTree.SetString(http, "path", path);
        else http.Remove("path");
        switch (original["port"])
        {
            case YScalar { Kind: ScalarKind.Int } i when i.ToValue() is long n: PodTree.SetInt(http, "port", n); break;
            case YScalar s when !PodTree.IsNull(s): PodTree.SetString(http, "port", s.AsGoString()); break;
        }
        if (PodTree.StringValue(original, "scheme") is { Length: > 0 } scheme) PodTree.SetString(http, "scheme", scheme);
    }
}
