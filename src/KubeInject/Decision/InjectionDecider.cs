using KubeInject.Selection;
using KubeInject.Yaml;

namespace KubeInject.Decision;

/// <summary>
/// kube-inject's decision (spec §2): host networking, ignored namespaces, then the
/// <c>sidecar.istio.io/inject</c> label (which, when present, beats the annotation). Policy is "enabled".
/// </summary>
internal static class InjectionDecider
{
    private static readonly HashSet<string> IgnoredNamespaces = ["kube-system", "kube-public", "kube-node-lease", "local-path-storage"];

    /// <param name="workload">The workload.</param>
    /// <param name="strictInjectValue">Istio ≥1.29: only "true"/"false" count; other values warn and fall back to the default (inject).</param>
    public static InjectionDecision Decide(Workload workload, bool strictInjectValue)
    {
        var spec = workload.PodSpec;
        if (spec?["hostNetwork"] is YScalar { Kind: ScalarKind.Bool } hn && (bool)hn.ToValue()!)
            return InjectionDecision.No(SkipReason.HostNetwork);

        var meta = workload.PodMetadata;
        if (IgnoredNamespaces.Contains(Str(meta?["namespace"])))
            return InjectionDecision.No(SkipReason.IgnoredNamespace);

        string? value = null;
        if ((meta?["annotations"] as YMapping)?.Find(InjectKey) is { } a) value = Str(a.Value);
        if ((meta?["labels"] as YMapping)?.Find(InjectKey) is { } l) value = Str(l.Value);
        if (value is null || value.Length == 0) return InjectionDecision.Yes();

        if (strictInjectValue)
        {
            if (value == "true") return InjectionDecision.Yes();
            if (value == "false") return InjectionDecision.No(SkipReason.InjectionDisabled);
            return InjectionDecision.Yes([$"Invalid value for {InjectKey}: \"{value}\". Only 'true' and 'false' are accepted. Falling back to default injection policy."]);
        }
        return value.ToLowerInvariant() is "y" or "yes" or "true" or "on"
            ? InjectionDecision.Yes()
            : InjectionDecision.No(SkipReason.InjectionDisabled);
    }

    /// <summary>The label/annotation that opts a pod in or out.</summary>
    public const string InjectKey = "sidecar.istio.io/inject";

    private static string Str(YNode? node) => node is YScalar s ? s.AsGoString() : "";
}
