using KubeInject.Selection;
using static KubeInject.Selection.SelectorOperator;

namespace KubeInject.Checking;

/// <summary>
/// The selectors of Istio's stock <c>istio-sidecar-injector</c> MutatingWebhookConfiguration, as data.
/// Source: <c>manifests/charts/istio-control/istio-discovery/templates/mutatingwebhook.yaml</c> (Istio 1.22–1.29;
/// the selectors are the same in every bundled version). <c>istioctl install</c> and the Helm chart render four
/// webhooks for the default revision and the two <c>rev.*</c> ones for a named revision. The chart's
/// <c>enableNamespacesByDefault</c> variant (an extra <c>auto.</c> webhook) is off by default and not modelled;
/// pass the cluster's MutatingWebhookConfiguration as input to use other selectors.
/// </summary>
internal static class StockWebhooks
{
    /// <summary>Namespace label of the legacy (default-revision) selector: <c>istio-injection=enabled|disabled</c>.</summary>
    public const string InjectionLabel = "istio-injection";

    /// <summary>Namespace or pod label naming a control-plane revision.</summary>
    public const string RevisionLabel = "istio.io/rev";

    /// <summary>Pod label (and deprecated annotation) that opts a pod in or out.</summary>
    public const string InjectLabel = "sidecar.istio.io/inject";

    /// <summary>The webhooks for <paramref name="revision"/> ("" or <c>default</c> = the default revision).</summary>
    public static IReadOnlyList<InjectionWebhook> For(string revision)
    {
        bool isDefault = revision is "" or "default";
        string rev = isDefault ? "default" : revision;
        var hooks = new List<InjectionWebhook>
        {
            // Case 1: the namespace selects the revision (and has no legacy label, which wins); the pod does not opt out.
            new("rev.namespace.sidecar-injector.istio.io",
                LabelSelector.Of(R(RevisionLabel, In, rev), R(InjectionLabel, DoesNotExist)),
                LabelSelector.Of(R(InjectLabel, NotIn, "false"))),
            // Case 2: the namespace has no injection label, but the pod selects the revision.
            new("rev.object.sidecar-injector.istio.io",
                LabelSelector.Of(R(RevisionLabel, DoesNotExist), R(InjectionLabel, DoesNotExist)),
                LabelSelector.Of(R(InjectLabel, NotIn, "false"), R(RevisionLabel, In, rev))),
        };
        if (!isDefault) return hooks;
        // Default revision only.
        // Case 1: namespace istio-injection=enabled; the pod does not opt out.
        hooks.Add(new("namespace.sidecar-injector.istio.io",
            LabelSelector.Of(R(InjectionLabel, In, "enabled")),
            LabelSelector.Of(R(InjectLabel, NotIn, "false"))));
        // Case 2: no namespace label, but the pod opts in with the label (and names no revision, which has priority).
        hooks.Add(new("object.sidecar-injector.istio.io",
            LabelSelector.Of(R(InjectionLabel, DoesNotExist), R(RevisionLabel, DoesNotExist)),
            LabelSelector.Of(R(InjectLabel, In, "true"), R(RevisionLabel, DoesNotExist))));
        return hooks;
    }

    private static LabelRequirement R(string key, SelectorOperator op, params string[] values) => new(key, op, values);
}
