namespace KubeInject.PostProcessing;

/// <summary>
/// Injector behaviour that differs between Istio versions, as switches rather than version checks.
/// The defaults are Istio 1.23's.
/// </summary>
internal sealed record PostProcessOptions
{
    /// <summary>Istio 1.22/1.23 behaviour.</summary>
    public static PostProcessOptions Istio123 { get; } = new();

    /// <summary>The switches of a bundled version, read from its profile (the one place versions are described).</summary>
    public static PostProcessOptions For(Settings.IstioVersionProfile profile) => new()
    {
        RewriteLifecycleHooks = profile.RewriteLifecycleHooks,
        AddProbersToInjectedPodWithoutThem = profile.AddProbersToInjectedPods,
        NativeSidecarAnnotationOverrides = profile.NativeSidecarAnnotation,
    };

    /// <summary>
    /// Also rewrite <c>lifecycle.preStop</c>/<c>postStart</c> <c>httpGet</c>/<c>tcpSocket</c> handlers to
    /// <c>/app-lifecycle/&lt;c&gt;/prestopz|poststartz</c> and list them in <c>ISTIO_KUBE_APP_PROBERS</c> (1.29).
    /// </summary>
    public bool RewriteLifecycleHooks { get; init; }

    /// <summary>
    /// Append <c>ISTIO_KUBE_APP_PROBERS</c> to an already injected pod that lacks it. 1.23 does not (an upstream bug
    /// the 1.23 goldens encode); 1.29 does.
    /// </summary>
    public bool AddProbersToInjectedPodWithoutThem { get; init; }

    /// <summary>
    /// The pod annotation <c>sidecar.istio.io/nativeSidecar</c> (exactly <c>true</c>/<c>false</c>) overrides the
    /// native-sidecar flag when moving a user istio-proxy into init containers (1.29).
    /// </summary>
    public bool NativeSidecarAnnotationOverrides { get; init; }
}
