using KubeInject.Checking;

namespace KubeInject.Cli;

/// <summary>One finding code as a rule of a static-analysis report (SARIF): its name, what it means and what to do.</summary>
/// <param name="Code">The stable code (<see cref="FindingCodes"/>).</param>
/// <param name="Name">A PascalCase name (Istio's message name for <c>IST</c> codes).</param>
/// <param name="Description">What the finding means, in one sentence.</param>
/// <param name="Help">What to do about it, in general (each finding's own fix is more precise).</param>
/// <param name="Severity">Its usual severity (a few codes are raised by flags such as <c>--expect-injected</c>).</param>
internal sealed record FindingRule(string Code, string Name, string Description, string Help, FindingSeverity Severity);

/// <summary>The catalogue of every finding code (the README's finding table, as data).</summary>
internal static class FindingRules
{
    public static IReadOnlyList<FindingRule> All { get; } =
    [
        new(FindingCodes.SidecarNotInManifest, "SidecarNotInManifest", "The manifest has no istio-proxy sidecar: the webhook adds one at admission, or, with --expect-injected, it should be in the manifest.",
            "Nothing to do when the cluster injects; for GitOps pre-injection run kube-inject -i -f FILE.", FindingSeverity.Info),
        new(FindingCodes.InjectionDisabled, "InjectionDisabled", "The pod opts out of injection (sidecar.istio.io/inject: \"false\", istio-injection=disabled, or a namespace Istio never injects).",
            "Nothing to do if intended; remove the opt-out to let the webhook inject the pod.", FindingSeverity.Info),
        new(FindingCodes.HostNetwork, "HostNetwork", "Injection is impossible: the pod uses hostNetwork: true.",
            "Remove hostNetwork: true if the pod must join the mesh, or label it sidecar.istio.io/inject: \"false\".", FindingSeverity.Warning),
        new(FindingCodes.PlainTextClientOfStrictMtls, "PlainTextClientOfStrictMtls", "A workload runs without a sidecar while STRICT mutual TLS applies to injected workloads of the mesh: its calls to them are refused.",
            "Inject the workload (label its namespace and restart it, or label its pod template), or make the peer authentication of the workloads it calls PERMISSIVE.", FindingSeverity.Error),
        new(FindingCodes.PolicyNotEnforced, "PolicyNotEnforced", "A policy's workload selector matches only workloads that run without a sidecar (or Istio ignores the selector): nothing enforces it.",
            "Inject the workloads it selects, or delete or move the policy.", FindingSeverity.Warning),
        new(FindingCodes.JobSidecarNotNative, "JobSidecarNotNative", "A Job or CronJob runs istio-proxy as a regular container: its pods never complete.",
            "Re-inject with native sidecars: kube-inject -i -f FILE --native-sidecars true (or the sidecar.istio.io/nativeSidecar annotation with Istio 1.29).", FindingSeverity.Warning),
        new(FindingCodes.NamespaceNotInjected, "NamespaceNotInjected", "The namespace is not enabled for Istio injection.",
            "Label the namespace istio-injection=enabled (or istio.io/rev=REV), or label the pod template.", FindingSeverity.Info),
        new(FindingCodes.MisplacedInjectLabel, "MisplacedAnnotation", "The inject label or annotation sits on the workload's own metadata, which the webhook never sees.",
            "Move it to the pod template's labels.", FindingSeverity.Warning),
        new(FindingCodes.NamespaceMultipleInjectionLabels, "NamespaceMultipleInjectionLabels", "The namespace has both istio-injection and istio.io/rev.",
            "Keep one of the two labels.", FindingSeverity.Warning),
        new(FindingCodes.NoMatchingWorkloads, "NoMatchingWorkloadsFound", "A policy's workload selector matches no workload of the inputs.",
            "Fix the selector or the pod templates' labels, unless the workloads are deployed from other manifests.", FindingSeverity.Info),
        new(FindingCodes.DeprecatedInjectAnnotation, "DeprecatedAnnotation", "The deprecated sidecar.istio.io/inject annotation is used instead of the label.",
            "Replace the annotation by the label sidecar.istio.io/inject on the pod template.", FindingSeverity.Info),
        new(FindingCodes.InvalidApplicationUid, "InvalidApplicationUID", "An application container runs as UID 1337, the proxy's: its traffic bypasses the sidecar.",
            "Run the container as another UID.", FindingSeverity.Warning),
        new(FindingCodes.StaleSidecar, "PodsIstioProxyImageMismatch", "The manifest's istio-proxy image is not the target Istio version.",
            "Re-inject with kube-inject --istio-version TARGET, or restart the workload if the cluster injects it.", FindingSeverity.Warning),
    ];
}
