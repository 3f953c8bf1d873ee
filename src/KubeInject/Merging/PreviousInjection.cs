using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.Merging;

/// <summary>
/// Istio's <c>stripPod</c> + <c>reinsertOverrides</c> (spec §5.4): the pod as the templates should see it when it
/// was injected before, so re-injection renders the same as the first injection.
/// </summary>
internal static class PreviousInjection
{
    /// <summary>
    /// A stripped copy of <paramref name="pod"/> (the original is not touched): containers listed in a parseable
    /// status annotation removed, Istio's Prometheus annotations removed when they point at
    /// <paramref name="statusPort"/>, the status annotation removed; then override containers that are missing
    /// re-appended. Throws when the overrides annotation is not valid JSON.
    /// </summary>
    public static YMapping Strip(YMapping pod, int statusPort)
    {
        var copy = (YMapping)pod.DeepClone();
        var statusText = PodTree.Annotation(copy, InjectionStatus.AnnotationKey);
        if (statusText is not null && InjectionStatus.Parse(statusText) is { } status)
        {
            RemoveNamed(PodTree.List(copy, "containers"), status.Containers);
            RemoveNamed(PodTree.List(copy, "initContainers"), status.InitContainers);
            var annotations = PodTree.Annotations(copy)!;
            if (PrometheusAnnotations.Port(annotations) == statusPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
                PrometheusAnnotations.RemoveAll(annotations);
            annotations.Remove(InjectionStatus.AnnotationKey);
        }

        var overrides = ProxyOverrides.Read(copy);
        Reinsert(copy, "containers", overrides.Containers);
        Reinsert(copy, "initContainers", overrides.InitContainers);
        return copy;
    }

    private static void RemoveNamed(YSequence? list, IReadOnlyList<string> names)
    {
        if (list is null) return;
        for (int i = list.Count - 1; i >= 0; i--)
            if (PodTree.NameOf(list[i]) is { } n && names.Contains(n)) list.RemoveAt(i);
    }

    private static void Reinsert(YMapping pod, string field, IReadOnlyList<YMapping> containers)
    {
        foreach (var c in containers)
        {
            var name = PodTree.NameOf(c) ?? "";
            if (PodTree.Find(PodTree.List(pod, field), name) is not null) continue;
            var spec = pod.GetOrAddMapping("spec");
            if (spec[field] is not YSequence list)
            {
                list = new YSequence();
                spec.SetAfter(field, list, MergeStrategy.PlaceAfter("spec." + field));
            }
            list.Add(c.DeepClone());
        }
    }
}
