using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.PostProcessing;

/// <summary>
/// Istio's <c>reorderPod</c> (spec §5.6): the proxy goes last so <c>kubectl exec</c> defaults to the app (first when
/// the app must wait for it); iptables setup runs after user init containers unless the proxy is a native sidecar.
/// </summary>
internal static class ContainerOrder
{
    private const string InitName = "istio-init";
    private const string ValidationName = "istio-validation";
    private const string CoreDumpName = "enable-core-dump";

    /// <summary>Reorders the merged pod's containers and init containers; lists already in order are not touched.</summary>
    public static void Apply(YMapping pod, bool holdApplicationUntilProxyStarts)
    {
        if (PodTree.List(pod, "containers") is { } containers)
            containers.ReplaceAll(Move(containers.Items.ToList(), PodTree.ProxyName, first: holdApplicationUntilProxyStarts));

        if (PodTree.List(pod, "initContainers") is not { } inits) return;
        var order = inits.Items.ToList();
        if (PodTree.Find(inits, PodTree.ProxyName) is not null)
        {
            // Native sidecar: {istio-init|istio-validation} => proxy => the rest.
            foreach (var name in new[] { CoreDumpName, PodTree.ProxyName, ValidationName, InitName })
                order = Move(order, name, first: true);
        }
        else
        {
            order = Move(order, ValidationName, first: true);
            order = Move(order, InitName, first: false);
            order = Move(order, CoreDumpName, first: false);
        }
        inits.ReplaceAll(order);
    }

    /// <summary>Istio's <c>modifyContainers</c>: of several items with the name only the last survives.</summary>
    private static List<YNode> Move(List<YNode> items, string name, bool first)
    {
        var others = items.Where(i => PodTree.NameOf(i) != name).ToList();
        var match = items.LastOrDefault(i => PodTree.NameOf(i) == name);
        if (match is null) return others;
        if (first) others.Insert(0, match);
        else others.Add(match);
        return others;
    }
}
