using KubeInject.Selection;
using KubeInject.Settings;
using KubeInject.Yaml;

namespace KubeInject.Decision;

/// <summary>
/// The "whether" half of an injector config (the <c>istio-sidecar-injector</c> ConfigMap's <c>data.config</c>):
/// <c>policy</c>, <c>neverInjectSelector</c> and <c>alwaysInjectSelector</c>, which Istio's webhook applies after the
/// pod's own <c>sidecar.istio.io/inject</c> (spec §2; <c>istioctl kube-inject</c> ignores them and injects as with
/// policy <c>enabled</c>).
/// </summary>
/// <param name="Policy"><c>enabled</c> (inject unless the pod opts out), <c>disabled</c> (only pods that opt in); any
/// other value disables injection, as in Istio ("Illegal value for autoInject").</param>
/// <param name="Never">Selectors of pods not to inject unless they opt in.</param>
/// <param name="Always">Selectors of pods to inject unless they opt out.</param>
internal sealed record InjectionPolicy(string Policy, IReadOnlyList<LabelSelector> Never, IReadOnlyList<LabelSelector> Always)
{
    /// <summary>kube-inject's fixed config, also used when an injector config has no <c>policy</c>.</summary>
    public static InjectionPolicy KubeInject { get; } = new(Enabled, [], []);

    /// <summary>The policy that injects by default.</summary>
    public const string Enabled = "enabled";

    /// <summary>The policy that injects only pods that ask for it.</summary>
    public const string Disabled = "disabled";

    /// <summary>
    /// The policy of an injector config (<see cref="KubeInject"/> without one, or when it has no <c>policy</c>); a
    /// selector Kubernetes cannot read is left out with a warning, as Istio's webhook does ("Invalid selector for
    /// NeverInjectSelector").
    /// </summary>
    public static InjectionPolicy Of(InjectorConfig? config, List<string> warnings)
    {
        if (config?.Policy is not { } policy) return KubeInject;
        return new InjectionPolicy(policy, Valid(config.NeverInjectSelector, "neverInjectSelector"), Valid(config.AlwaysInjectSelector, "alwaysInjectSelector"));

        List<LabelSelector> Valid(IEnumerable<YMapping> selectors, string field)
        {
            var valid = new List<LabelSelector>();
            foreach (var s in selectors)
            {
                if (LabelSelector.Problem(s) is { } problem) warnings.Add($"injector config: {field} entry ignored, as Istio ignores it: {problem}");
                // An empty selector matches nothing here (Istio skips selector.Empty()).
                else if (LabelSelector.Parse(s) is { Requirements.Count: > 0 } selector) valid.Add(selector);
            }
            return valid;
        }
    }

    /// <summary>Whether a pod with these labels is injected: <paramref name="optedIn"/> is the pod's own
    /// <c>sidecar.istio.io/inject</c> (null when it does not say), and <paramref name="reason"/> says why not.</summary>
    public bool Requires(bool? optedIn, YNode? labels, out SkipReason? reason)
    {
        reason = null;
        bool? inject = optedIn;
        // The labels are read only when a selector needs them (kube-inject's policy has none).
        if (inject is null && Never.Count + Always.Count > 0)
        {
            var map = YNodeReading.StringMap(labels);
            if (Never.Any(s => s.Matches(map)))
            {
                reason = SkipReason.NeverInjectSelector;
                return false;
            }
            if (Always.Any(s => s.Matches(map))) inject = true;
        }
        bool required = Policy switch
        {
            Enabled => inject ?? true,
            Disabled => inject ?? false,
            _ => false,
        };
        if (!required)
        {
            reason = Policy is not (Enabled or Disabled) ? SkipReason.InvalidPolicy(Policy)
                : inject is null ? SkipReason.PolicyDisabled
                : SkipReason.InjectionDisabled;
        }
        return required;
    }
}
