namespace KubeInject.Pod;

/// <summary>
/// The settings the merge and post-processing steps read, as plain values (the settings layer computes them).
/// </summary>
internal sealed record InjectionContext
{
    /// <summary>Mesh <c>defaultConfig.statusPort</c> after the pod's <c>proxy.istio.io/config</c> annotation is applied.</summary>
    public int StatusPort { get; init; } = 15020;

    /// <summary>Mesh <c>enablePrometheusMerge</c>; null when the mesh config leaves it unset (then merging is on).</summary>
    public bool? EnablePrometheusMerge { get; init; }

    /// <summary><c>values.sidecarInjectorWebhook.rewriteAppHTTPProbe</c> from the typed values; missing means false.</summary>
    public bool RewriteAppHttpProbe { get; init; }

    /// <summary>
    /// The hold-application decision of <c>reorderPod</c>: <c>holdApplicationUntilProxyStarts</c> of the mesh with the
    /// pod's ProxyConfig annotation applied, or <c>values.global.proxy.holdApplicationUntilProxyStarts</c>.
    /// </summary>
    public bool HoldApplicationUntilProxyStarts { get; init; }

    /// <summary>The <c>--revision</c> value ("" or "default" both mean the default revision).</summary>
    public string Revision { get; init; } = "";

    /// <summary><c>values.global.multiCluster.clusterName</c> ("" when unset).</summary>
    public string ClusterName { get; init; } = "";

    /// <summary><c>values.global.network</c> ("" when unset); the pod label <c>topology.istio.io/network</c> overrides it.</summary>
    public string Network { get; init; } = "";

    /// <summary>The annotation-merged ProxyConfig <c>interceptionMode</c> (<c>REDIRECT</c>, <c>TPROXY</c>, <c>NONE</c>).</summary>
    public string InterceptionMode { get; init; } = "REDIRECT";

    /// <summary>
    /// Whether native sidecars are on for the Go-side "move a user istio-proxy into initContainers" step
    /// (1.23: <c>ENABLE_NATIVE_SIDECARS</c> parsed as a Go bool; 1.29: the computed <c>NativeSidecars</c>).
    /// </summary>
    public bool NativeSidecars { get; init; }

    /// <summary>The injector config's <c>injectedAnnotations</c>, set on every injected pod after the status annotation.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> InjectedAnnotations { get; init; } = [];
}
