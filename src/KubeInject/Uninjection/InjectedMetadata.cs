using KubeInject.Pod;
using KubeInject.Rendering;
using KubeInject.Yaml;

namespace KubeInject.Uninjection;

/// <summary>
/// Removes the labels and annotations injection wrote: the status annotation; <c>istio.io/rev</c> when it names the
/// recorded revision; <c>topology.istio.io/network</c> when it is the configured network; every other label or
/// annotation the templates write (<c>security.istio.io/tlsMode</c>, <c>service.istio.io/canonical-*</c>,
/// <c>kubectl.kubernetes.io/default-*</c>, the CNI traffic annotations…) when its value is what the templates write
/// for a pod without it (see <see cref="TemplateDefaults"/>); a value that differs is the user's and stays. The Istio
/// CNI network appended to <c>k8s.v1.cni.cncf.io/networks</c> is taken off the user's list; the injector config's
/// <c>injectedAnnotations</c> go where their value is still the one written.
/// </summary>
internal static class InjectedMetadata
{
    private const string RevisionAnnotation = "istio.io/rev";
    private const string NetworkLabel = "topology.istio.io/network";
    private const string MultusAnnotation = "k8s.v1.cni.cncf.io/networks";

    /// <summary>Removes injection's metadata from <paramref name="pod"/> (edited in place).</summary>
    public static void Remove(YMapping pod, InjectionStatus status, TemplateDefaults defaults, UninjectionContext context)
    {
        if (PodTree.Labels(pod) is { } labels)
        {
            foreach (var key in defaults.LabelKeys)
                if (PodTree.StringValue(labels, key) is { } v && v == defaults.Label(key)) labels.Remove(key);
            if (context.Network.Length > 0 && PodTree.StringValue(labels, NetworkLabel) == context.Network) labels.Remove(NetworkLabel);
        }
        if (PodTree.Annotations(pod) is not { } annotations) return;
        annotations.Remove(InjectionStatus.AnnotationKey);
        if (PodTree.StringValue(annotations, RevisionAnnotation) == status.Revision) annotations.Remove(RevisionAnnotation);
        foreach (var (key, value) in context.InjectedAnnotations)
            if (PodTree.StringValue(annotations, key) == value) annotations.Remove(key);
        foreach (var key in defaults.AnnotationKeys)
        {
            if (PodTree.StringValue(annotations, key) is not { } value || defaults.Annotation(key) is not { } written) continue;
            if (value == written) annotations.Remove(key);
            else if (key == MultusAnnotation && RemoveNetwork(value, written) is { } userList) PodTree.SetString(annotations, key, userList);
        }
    }

    // Inverse of MultusNetworks.Append (either version's entry form): the list the user had, when the value is
    // that list plus the Istio network.
    private static string? RemoveNetwork(string value, string network)
    {
        int slash = network.IndexOf('/');
        string nameOnly = slash < 0 ? network : network[(slash + 1)..];
        string ns = slash < 0 ? "" : network[..slash];
        (string Candidate, bool NamespaceMatching)[] candidates =
        [
            (value.EndsWith(", " + network, StringComparison.Ordinal) ? value[..^(network.Length + 2)] : "", false),
            (value.Replace($", {{\"name\": \"{network}\"}}]", "]", StringComparison.Ordinal), false),
            (value.Replace(ns.Length > 0 ? $", {{\"name\": \"{nameOnly}\", \"namespace\": \"{ns}\"}}]" : $", {{\"name\": \"{nameOnly}\"}}]", "]", StringComparison.Ordinal), true),
        ];
        foreach (var (c, matching) in candidates)
            if (c.Length > 0 && c != value && MultusNetworks.Append(c, network, matching) == value) return c;
        return null;
    }
}
