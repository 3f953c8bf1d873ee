using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.Uninjection;

/// <summary>
/// What the templates write into a pod's metadata when the pod does not set those keys itself: the templates are
/// rendered once for the pod as it is (which keys do they write?) and once more with those keys, and the keys they
/// only write when absent (<c>kubectl.kubernetes.io/default-container</c>, …), removed. A key whose value equals the
/// second rendering is injection's: either injection wrote it, or the user wrote exactly what injection would
/// write, and then removing it changes nothing a later injection would not put back.
/// </summary>
internal sealed class TemplateDefaults
{
    // Written by the stock templates only when the pod does not set them (`if not (isset ...)`).
    private static readonly string[] ConditionalAnnotations =
        ["kubectl.kubernetes.io/default-container", "kubectl.kubernetes.io/default-logs-container"];

    private TemplateDefaults(YMapping asIs, YMapping withoutKeys, IReadOnlySet<string> labels, IReadOnlySet<string> annotations)
    {
        AsIs = asIs;
        WithoutKeys = withoutKeys;
        LabelKeys = labels;
        AnnotationKeys = annotations;
    }

    /// <summary>The template pod rendered for the pod as it is.</summary>
    public YMapping AsIs { get; }

    /// <summary>The template pod rendered for the pod without <see cref="LabelKeys"/>/<see cref="AnnotationKeys"/>.</summary>
    public YMapping WithoutKeys { get; }

    /// <summary>Labels the templates write.</summary>
    public IReadOnlySet<string> LabelKeys { get; }

    /// <summary>Annotations the templates write.</summary>
    public IReadOnlySet<string> AnnotationKeys { get; }

    /// <summary>
    /// Renders the two template pods for <paramref name="pod"/>, a copy this method owns: its keys are removed for the
    /// second rendering (<paramref name="render"/> reads its argument, it does not change it).
    /// </summary>
    public static TemplateDefaults Compute(YMapping pod, Func<YMapping, YMapping> render)
    {
        var asIs = render(pod);
        var labels = Keys(PodTree.Labels(asIs)).ToHashSet(StringComparer.Ordinal);
        var annotations = Keys(PodTree.Annotations(asIs)).Concat(ConditionalAnnotations).ToHashSet(StringComparer.Ordinal);
        foreach (var k in labels) PodTree.Labels(pod)?.Remove(k);
        foreach (var k in annotations) PodTree.Annotations(pod)?.Remove(k);
        return new TemplateDefaults(asIs, render(pod), labels, annotations);
    }

    /// <summary>The value the templates write for a label of a pod that does not set it, or null.</summary>
    public string? Label(string key) => PodTree.Label(WithoutKeys, key);

    /// <summary>The value the templates write for an annotation of a pod that does not set it, or null.</summary>
    public string? Annotation(string key) => PodTree.Annotation(WithoutKeys, key);

    private static IEnumerable<string> Keys(YMapping? map) => map?.Entries.Select(e => e.Name) ?? [];
}
