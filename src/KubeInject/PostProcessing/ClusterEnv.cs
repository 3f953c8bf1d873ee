using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.PostProcessing;

/// <summary>
/// Istio's cluster/network proxy env (spec §5.5): <c>ISTIO_META_CLUSTER_ID</c> and <c>ISTIO_META_NETWORK</c> are
/// removed from the sidecar's env and appended, sorted by name, at its end.
/// </summary>
internal static class ClusterEnv
{
    /// <summary>The env map Istio computes before rendering, sorted by name; empty values are left out.</summary>
    public static SortedDictionary<string, string> ProxyEnvs(YMapping originalPod, InjectionContext context)
    {
        var envs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string network = PodTree.Label(originalPod, "topology.istio.io/network") ?? context.Network;
        if (context.ClusterName.Length > 0) envs["ISTIO_META_CLUSTER_ID"] = context.ClusterName;
        if (network.Length > 0) envs["ISTIO_META_NETWORK"] = network;
        return envs;
    }

    /// <summary>Rewrites the sidecar's env; nothing changes when the env already ends with these entries.</summary>
    public static void Apply(YMapping pod, IReadOnlyDictionary<string, string> proxyEnvs)
    {
        if (proxyEnvs.Count == 0 || PodTree.FindSidecar(pod) is not { } sidecar) return;
        var env = PodTree.EnsureEnv(sidecar);
        var kept = env.Items.Where(i => (i as YMapping)?["name"] is not YScalar n || !proxyEnvs.ContainsKey(n.AsGoString())).ToList();
        foreach (var (name, value) in proxyEnvs)
        {
            var wanted = PodTree.EnvVar(name, value);
            // Reuse an equal existing entry so a second run leaves the document alone.
            var same = env.Items.FirstOrDefault(i => i.SemanticEquals(wanted) && !kept.Contains(i));
            kept.Add(same ?? wanted);
        }
        env.ReplaceAll(kept);
    }
}
