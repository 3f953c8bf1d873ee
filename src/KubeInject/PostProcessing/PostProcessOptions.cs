using KubeInject.Versions;

namespace KubeInject.PostProcessing;

/// <summary>
/// The switches of a version's <c>profile.yaml</c> that post-processing reads, under the profile's names (see
/// <see cref="IstioVersionProfile"/> for the Istio code path each reflects). All off by default.
/// </summary>
internal sealed record PostProcessOptions
{
    /// <summary>Every switch off (what the oldest bundled profiles say; tests of one step start here).</summary>
    public static PostProcessOptions AllOff { get; } = new();

    /// <summary>The switches of a version, read from its profile.</summary>
    public static PostProcessOptions For(IstioVersionProfile profile) => new()
    {
        RewriteLifecycleHooks = profile.RewriteLifecycleHooks,
        AddProbersToInjectedPods = profile.AddProbersToInjectedPods,
        NativeSidecarAnnotation = profile.NativeSidecarAnnotation,
    };

    /// <summary>
    /// Also rewrite <c>lifecycle.preStop</c>/<c>postStart</c> <c>httpGet</c>/<c>tcpSocket</c> handlers to
    /// <c>/app-lifecycle/&lt;c&gt;/prestopz|poststartz</c> and list them in <c>ISTIO_KUBE_APP_PROBERS</c>.
    /// </summary>
    public bool RewriteLifecycleHooks { get; init; }

    /// <summary>
    /// Append <c>ISTIO_KUBE_APP_PROBERS</c> to an already injected pod that lacks it (off: the upstream bug the 1.23
    /// goldens encode).
    /// </summary>
    public bool AddProbersToInjectedPods { get; init; }

    /// <summary>
    /// The pod annotation <c>sidecar.istio.io/nativeSidecar</c> (exactly <c>true</c>/<c>false</c>) overrides the
    /// native-sidecar flag when moving a user istio-proxy into init containers.
    /// </summary>
    public bool NativeSidecarAnnotation { get; init; }
}
