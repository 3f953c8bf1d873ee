using KubeInject.Go;
using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.PostProcessing;

/// <summary>
/// Istio's <c>applyMetadata</c> (spec §5.5): the network label and the <c>sidecar.istio.io/status</c> annotation that
/// records what was injected, so a later re-injection can strip it; then the injector config's
/// <c>injectedAnnotations</c> (the webhook's; kube-inject has none), which win over any of the same name.
/// </summary>
internal static class StatusAnnotation
{
    /// <summary>Sets the label (when a network is known) and the status annotation.</summary>
    public static void Apply(YMapping pod, InjectedNames names, IReadOnlyDictionary<string, string> proxyEnvs, string revision,
        IReadOnlyList<KeyValuePair<string, string>> injectedAnnotations)
    {
        if (proxyEnvs.TryGetValue("ISTIO_META_NETWORK", out var network))
            PodTree.SetString(PodTree.EnsureLabels(pod), "topology.istio.io/network", network);
        var annotations = PodTree.EnsureAnnotations(pod);
        PodTree.SetString(annotations, InjectionStatus.AnnotationKey, Json(names, revision));
        foreach (var (key, value) in injectedAnnotations) PodTree.SetString(annotations, key, value);
    }

    /// <summary>Go JSON of <c>SidecarInjectionStatus</c>: fields in struct order, empty lists as <c>null</c>.</summary>
    public static string Json(InjectedNames names, string revision) => new JsonWriter().BeginObject()
        .Key("initContainers").StringsOrNull(names.InitContainers)
        .Key("containers").StringsOrNull(names.Containers)
        .Key("volumes").StringsOrNull(names.Volumes)
        .Key("imagePullSecrets").StringsOrNull(names.ImagePullSecrets)
        .Key("revision").String(revision.Length == 0 ? "default" : revision)
        .EndObject().ToString();
}
