using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.Uninjection;

/// <summary>
/// Removes pod spec fields the templates merged in outside the lists the status annotation records (e.g. the
/// gateway template's <c>securityContext.sysctls</c>): a field is removed when its value equals the template's,
/// and a mapping left empty by that is removed too.
/// </summary>
internal static class InjectedSpecFields
{
    private static readonly HashSet<string> Listed = ["containers", "initContainers", "volumes", "imagePullSecrets"];

    /// <summary>Removes template-written spec fields from <paramref name="pod"/> (edited in place).</summary>
    public static void Remove(YMapping pod, YMapping templatePod)
    {
        if (PodTree.Spec(pod) is not { } spec || PodTree.Spec(templatePod) is not { } written) return;
        foreach (var e in written.Entries)
            if (!Listed.Contains(e.Name)) RemoveEqual(spec, e.Name, e.Value);
    }

    private static void RemoveEqual(YMapping target, string key, YNode written)
    {
        if (target[key] is not { } actual) return;
        if (actual.SemanticEquals(written))
        {
            target.Remove(key);
            return;
        }
        if (actual is not YMapping map || written is not YMapping writtenMap || map.Count == 0) return;
        foreach (var e in writtenMap.Entries) RemoveEqual(map, e.Name, e.Value);
        if (map.Count == 0) target.Remove(key);
    }
}
