using KubeInject.Merging;
using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.Uninjection;

/// <summary>
/// The injected <c>istio-proxy</c> container's plain <c>env</c> values: where injection recorded what it replaced
/// (<c>ISTIO_KUBE_APP_PROBERS</c> holds the original probes, <c>ISTIO_PROMETHEUS_ANNOTATIONS</c> the original scrape
/// annotations). Only a sidecar the status annotation lists counts, and only entries injection added: those the
/// user's own <c>istio-proxy</c> container already had (recorded in <c>proxy.istio.io/overrides</c>) are the user's.
/// </summary>
internal static class SidecarEnv
{
    /// <summary>Original probes, keyed by their rewritten URL.</summary>
    public const string AppProbers = "ISTIO_KUBE_APP_PROBERS";

    /// <summary>Original Prometheus scrape annotations.</summary>
    public const string PrometheusAnnotations = "ISTIO_PROMETHEUS_ANNOTATIONS";

    /// <summary>
    /// Name → value of the sidecar's env entries that have a literal value and that injection added (empty when there
    /// is no listed sidecar); <paramref name="usersOwn"/> gets the user's own entries (name → value, the last of a name).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Read(YMapping pod, InjectionStatus status, out IReadOnlyDictionary<string, string> usersOwn)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var users = UsersOwn(pod);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (n, v) in users) byName[n] = v;
        usersOwn = byName;
        YMapping? sidecar = null;
        if (status.Containers.Contains(PodTree.ProxyName)) sidecar = PodTree.Find(PodTree.List(pod, "containers"), PodTree.ProxyName);
        if (sidecar is null && status.InitContainers.Contains(PodTree.ProxyName)) sidecar = PodTree.Find(PodTree.List(pod, "initContainers"), PodTree.ProxyName);
        if (sidecar?["env"] is not YSequence env) return result;
        foreach (var e in env.Items.OfType<YMapping>())
        {
            if (PodTree.StringValue(e, "name") is not { } name || PodTree.StringValue(e, "value") is not { } value) continue;
            // A pod whose istio-proxy container was copied from an injected one (by hand, or with the status
            // annotation lost) has probes that were rewritten before injection saw them, and the user's
            // ISTIO_KUBE_APP_PROBERS for them; restoring from it would change the user's probes (fuzz run 8).
            if (users.Remove((name, value))) continue;
            result[name] = value;
        }
        return result;
    }

    // The user's istio-proxy env entries, as recorded when the pod was first injected; each matches one entry.
    private static List<(string Name, string Value)> UsersOwn(YMapping pod)
    {
        ProxyOverrides overrides;
        try
        {
            overrides = ProxyOverrides.Read(pod);
        }
        catch (Diagnostics.KubeInjectException)
        {
            return []; // an unreadable record is reported where the containers are restored
        }
        var own = new List<(string, string)>();
        foreach (var c in overrides.Containers.Concat(overrides.InitContainers))
        {
            if (PodTree.NameOf(c) != PodTree.ProxyName || c["env"] is not YSequence env) continue;
            foreach (var e in env.Items.OfType<YMapping>())
                if (PodTree.StringValue(e, "name") is { } name && PodTree.StringValue(e, "value") is { } value) own.Add((name, value));
        }
        return own;
    }
}
