using KubeInject.Pod;

namespace KubeInject.Checking;

/// <summary>
/// The stable codes of <see cref="Finding"/>s. Where <c>istioctl analyze</c> reports the same condition the code is
/// Istio's (<c>IST….</c>); conditions Istio has no message for use <c>KI….</c>.
/// </summary>
public static class FindingCodes
{
    /// <summary>Sidecar missing: the manifest has no <c>istio-proxy</c>; the webhook adds one at admission (info), or <c>--expect-injected</c> is set (error).</summary>
    public const string SidecarNotInManifest = "KI0001";

    /// <summary>The pod opts out of injection (the <c>sidecar.istio.io/inject</c> label/annotation, <c>istio-injection=disabled</c>, or a namespace Istio never injects).</summary>
    public const string InjectionDisabled = "KI0002";

    /// <summary>Injection is impossible: <c>hostNetwork: true</c>.</summary>
    public const string HostNetwork = "KI0003";

    /// <summary>The namespace is not enabled for injection (Istio's NamespaceNotInjected).</summary>
    public const string NamespaceNotInjected = "IST0102";

    /// <summary>The inject label/annotation sits on the workload's own metadata instead of the pod template (Istio's MisplacedAnnotation).</summary>
    public const string MisplacedInjectLabel = "IST0107";

    /// <summary>The namespace has both <c>istio-injection</c> and <c>istio.io/rev</c> (Istio's NamespaceMultipleInjectionLabels).</summary>
    public const string NamespaceMultipleInjectionLabels = "IST0123";

    /// <summary>The deprecated <c>sidecar.istio.io/inject</c> annotation is used instead of the label (Istio's DeprecatedAnnotation).</summary>
    public const string DeprecatedInjectAnnotation = "IST0135";

    /// <summary>An application container runs as UID 1337, the proxy's (Istio's InvalidApplicationUID).</summary>
    public const string InvalidApplicationUid = "IST0144";

    /// <summary>Stale sidecar: the manifest's <c>istio-proxy</c> image is not the target version (per workload, like Istio's PodsIstioProxyImageMismatchInNamespace).</summary>
    public const string StaleSidecar = "IST0158";

    /// <summary>A workload runs without a sidecar while injected workloads of the mesh require mutual TLS (STRICT): its calls to them are refused.</summary>
    public const string PlainTextClientOfStrictMtls = "KI0004";

    /// <summary>A policy's workload selector matches only workloads that run without a sidecar (or Istio ignores the selector): nothing enforces it.</summary>
    public const string PolicyNotEnforced = "KI0005";

    /// <summary>A Job or CronJob runs <c>istio-proxy</c> as a regular container (not a native sidecar): its pods never complete.</summary>
    public const string JobSidecarNotNative = "KI0006";

    /// <summary>A policy's workload selector matches no workload of the inputs (Istio's NoMatchingWorkloadsFound).</summary>
    public const string NoMatchingWorkloads = "IST0127";
}
