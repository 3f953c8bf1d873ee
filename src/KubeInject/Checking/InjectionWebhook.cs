using KubeInject.Selection;

namespace KubeInject.Checking;

/// <summary>
/// One webhook of an injection <c>MutatingWebhookConfiguration</c>: the API server calls it for a pod when both
/// selectors match (the namespace's labels and the pod's labels).
/// </summary>
/// <param name="Name">The webhook's name, e.g. <c>namespace.sidecar-injector.istio.io</c>.</param>
/// <param name="NamespaceSelector">Tested against the namespace's labels.</param>
/// <param name="ObjectSelector">Tested against the pod's labels.</param>
internal sealed record InjectionWebhook(string Name, LabelSelector NamespaceSelector, LabelSelector ObjectSelector)
{
    /// <summary>True when the API server would send the pod to this webhook.</summary>
    public bool Selects(IReadOnlyDictionary<string, string> namespaceLabels, IReadOnlyDictionary<string, string> podLabels) =>
        NamespaceSelector.Matches(namespaceLabels) && ObjectSelector.Matches(podLabels);
}
