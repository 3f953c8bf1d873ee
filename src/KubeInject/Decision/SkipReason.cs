namespace KubeInject.Decision;

/// <summary>Why a workload is not injected: a stable code for machines and Istio's sentence for people.</summary>
public sealed record SkipReason(string Code, string Sentence)
{
    /// <summary><c>spec.hostNetwork: true</c>.</summary>
    public static SkipReason HostNetwork { get; } = new("host_network_enabled", "has host networking enabled");

    /// <summary>Opted out by the <c>sidecar.istio.io/inject</c> label or annotation.</summary>
    public static SkipReason InjectionDisabled { get; } = new("injection_disabled", "has sidecar injection disabled");

    /// <summary>The pod's namespace is one Istio never injects (kube-system, …).</summary>
    public static SkipReason IgnoredNamespace { get; } = new("ignored_namespace", "has sidecar injection disabled");
}
