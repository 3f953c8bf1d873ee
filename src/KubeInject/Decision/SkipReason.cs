namespace KubeInject.Decision;

/// <summary>Why a workload is not injected: a stable code for machines and Istio's sentence for people.</summary>
public sealed record SkipReason(string Code, string Sentence)
{
    /// <summary><c>spec.hostNetwork: true</c>.</summary>
    public static SkipReason HostNetwork { get; } = new("host_network_enabled", "has host networking enabled");

    /// <summary>Opted out by the <c>sidecar.istio.io/inject</c> label or annotation.</summary>
    public static SkipReason InjectionDisabled { get; } = new("injection_disabled", "has sidecar injection disabled");

    /// <summary>The injector config's <c>policy: disabled</c>, and the pod does not opt in.</summary>
    public static SkipReason PolicyDisabled { get; } = new("policy_disabled",
        "is not injected by default: the injector config's policy is disabled and the pod does not opt in (sidecar.istio.io/inject: \"true\")");

    /// <summary>The pod's labels match an entry of the injector config's <c>neverInjectSelector</c>.</summary>
    public static SkipReason NeverInjectSelector { get; } = new("never_inject_selector",
        "matches the injector config's neverInjectSelector (a pod opts back in with sidecar.istio.io/inject: \"true\")");

    /// <summary>The injector config's <c>policy</c> is neither <c>enabled</c> nor <c>disabled</c>: Istio injects nothing.</summary>
    public static SkipReason InvalidPolicy(string policy) => new("invalid_policy",
        $"is not injected: the injector config's policy \"{policy}\" is not enabled or disabled, and Istio's injector then injects nothing");

    /// <summary>The pod's namespace is one Istio never injects (kube-system, …).</summary>
    public static SkipReason IgnoredNamespace { get; } = new("ignored_namespace", "has sidecar injection disabled");

    /// <summary>Not a complete workload (<see cref="IncompleteWorkload"/>): a kustomize patch, most likely.</summary>
    public static SkipReason NotAWorkload(string why) => new("incomplete_workload", $"is not a complete workload: {why} (a kustomize patch?)");

    /// <summary>A custom resource with a pod template whose kind is not in the workload table.</summary>
    public static SkipReason NotAWorkloadKind(string group, string kind, string podTemplate) => new("not_a_workload_kind",
        $"is not a workload kind: it has a pod template at {podTemplate}, but {kind}{(group.Length > 0 ? "." + group : "")} is not in the workload table (declare it under workloads: in .kube-inject.yaml)");

    /// <summary>An Argo Rollout whose pods come from a referenced Deployment (<c>spec.workloadRef</c>).</summary>
    public static SkipReason WorkloadRef(string deployment) => new("workload_ref",
        $"takes its pod template from Deployment \"{deployment}\" (spec.workloadRef): inject that Deployment instead");

    /// <summary>Uninjection: the workload carries no injected sidecar (nothing to remove; reported, not a finding).</summary>
    public static SkipReason NotInjected { get; } = new("not_injected", "has no injected sidecar");

    /// <summary>Uninjection: an <c>istio-proxy</c> container without a <c>sidecar.istio.io/status</c> annotation to say what injection added.</summary>
    public static SkipReason SidecarWithoutStatus { get; } = new("sidecar_without_status",
        "has an istio-proxy container but no sidecar.istio.io/status annotation recording what injection added; not uninjected");

    /// <summary>
    /// Injection (re-injection in <see cref="ReinjectionMode.Replace"/>): the pod carries a <c>sidecar.istio.io/status</c>
    /// annotation that does not parse, so what an earlier injection added cannot be taken out; the workload is left
    /// as it is (merging over it would keep the old sidecar and change again on the next run).
    /// </summary>
    public static SkipReason InvalidStatusNotReinjected { get; } = new("invalid_status",
        "has a sidecar.istio.io/status annotation that does not parse, so what an earlier injection added is unknown; not re-injected (fix or remove the annotation, and the old sidecar)");

    /// <summary>Uninjection: the <c>sidecar.istio.io/status</c> annotation is not the JSON Istio writes.</summary>
    public static SkipReason InvalidStatus { get; } = new("invalid_status",
        "has a sidecar.istio.io/status annotation that does not parse; not uninjected");
}
