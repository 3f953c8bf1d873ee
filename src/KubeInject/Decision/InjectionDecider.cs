using KubeInject.Selection;
using KubeInject.Yaml;
using static KubeInject.Yaml.YNodeReading;

namespace KubeInject.Decision;

/// <summary>
/// Istio's decision (spec §2): host networking, ignored namespaces, then the <c>sidecar.istio.io/inject</c> label
/// (which, when present, beats the annotation), then the injector config's <see cref="InjectionPolicy"/> (kube-inject's
/// fixed "enabled" unless the caller's injector config says otherwise).
/// </summary>
internal static class InjectionDecider
{
    /// <summary>Namespaces Istio's injector never injects (its <c>IgnoredNamespaces</c>).</summary>
    public static readonly IReadOnlySet<string> IgnoredNamespaces = new HashSet<string> { "kube-system", "kube-public", "kube-node-lease", "local-path-storage" };

    /// <param name="workload">The workload.</param>
    /// <param name="strictInjectValue">Istio ≥1.29: only "true"/"false" count; other values warn and fall back to the default (inject).</param>
    /// <param name="policy">The injector config's policy and selectors; null for kube-inject's (<see cref="InjectionPolicy.KubeInject"/>).</param>
    public static InjectionDecision Decide(Workload workload, bool strictInjectValue, InjectionPolicy? policy = null)
    {
        // An Argo Rollout may borrow its pod template from a Deployment: the Deployment is what gets injected.
        if (workload.Kind == "Rollout" && (workload.Root["spec"] as YMapping)?["workloadRef"] is YMapping reference)
            return InjectionDecision.No(SkipReason.WorkloadRef(Text(reference["name"])));
        if (IncompleteWorkload.Why(workload) is { } why) return InjectionDecision.No(SkipReason.NotAWorkload(why));
        return Decide(workload.PodMetadata, workload.PodSpec, Text(workload.PodMetadata?["namespace"]), strictInjectValue, policy);
    }

    /// <summary>The same decision from the pod's metadata, spec and namespace (what the webhook's injector sees).</summary>
    /// <param name="meta">The pod (template) metadata.</param>
    /// <param name="spec">The pod spec.</param>
    /// <param name="namespace">The pod's namespace.</param>
    /// <param name="strictInjectValue">See <see cref="Decide(Workload, bool, InjectionPolicy?)"/>.</param>
    /// <param name="policy">See <see cref="Decide(Workload, bool, InjectionPolicy?)"/>.</param>
    public static InjectionDecision Decide(YMapping? meta, YMapping? spec, string @namespace, bool strictInjectValue, InjectionPolicy? policy = null)
    {
        if (spec?["hostNetwork"] is YScalar { Kind: ScalarKind.Bool } hn && (bool)hn.ToValue()!)
            return InjectionDecision.No(SkipReason.HostNetwork);

        if (IgnoredNamespaces.Contains(@namespace))
            return InjectionDecision.No(SkipReason.IgnoredNamespace);

        string? value = null;
        if ((meta?["annotations"] as YMapping)?.Find(InjectKey) is { } a) value = Text(a.Value);
        if ((meta?["labels"] as YMapping)?.Find(InjectKey) is { } l) value = Text(l.Value);
        List<string> warnings = [];
        bool? optedIn;
        if (value is null || value.Length == 0) optedIn = null;
        else if (!strictInjectValue) optedIn = value.ToLowerInvariant() is "y" or "yes" or "true" or "on";
        else if (value is "true" or "false") optedIn = value == "true";
        else
        {
            optedIn = null;
            warnings.Add($"Invalid value for {InjectKey}: \"{value}\". Only 'true' and 'false' are accepted. Falling back to default injection policy.");
        }

        return (policy ?? InjectionPolicy.KubeInject).Requires(optedIn, meta?["labels"], out var reason)
            ? InjectionDecision.Yes(warnings)
            : InjectionDecision.No(reason!);
    }

    /// <summary>The label/annotation that opts a pod in or out.</summary>
    public const string InjectKey = "sidecar.istio.io/inject";

}
