using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.Uninjection;

/// <summary>
/// The injected <c>istio-proxy</c> container's plain <c>env</c> values: where injection recorded what it replaced
/// (<c>ISTIO_KUBE_APP_PROBERS</c> holds the original probes, <c>ISTIO_PROMETHEUS_ANNOTATIONS</c> the original scrape
/// annotations). Only a sidecar the status annotation lists counts.
/// </summary>
internal static class SidecarEnv
{
    /// <summary>Original probes, keyed by their rewritten URL.</summary>
    public const string AppProbers = "ISTIO_KUBE_APP_PROBERS";

    /// <summary>Original Prometheus scrape annotations.</summary>
    public const string PrometheusAnnotations = "ISTIO_PROMETHEUS_ANNOTATIONS";

    /// <summary>Name → value of the sidecar's env entries that have a literal value (empty when there is no listed sidecar).</summary>
    public static IReadOnlyDictionary<string, string> Read(YMapping pod, InjectionStatus status)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        YMapping? sidecar = null;
        if (status.Containers.Contains(PodTree.ProxyName)) sidecar = PodTree.Find(PodTree.List(pod, "containers"), PodTree.ProxyName);
        if (sidecar is null && status.InitContainers.Contains(PodTree.ProxyName)) sidecar = PodTree.Find(PodTree.List(pod, "initContainers"), PodTree.ProxyName);
        if (sidecar?["env"] is not YSequence env) return result;
        foreach (var e in env.Items.OfType<YMapping>())
            if (PodTree.StringValue(e, "name") is { } name && PodTree.StringValue(e, "value") is { } value)
                result[name] = value;
        return result;
    }
}
