using KubeInject.Decision;
using KubeInject.Diagnostics;

namespace KubeInject;

/// <summary>What happened to one workload.</summary>
/// <param name="Kind">The workload's kind.</param>
/// <param name="Namespace">Its namespace (may be empty).</param>
/// <param name="Name">Its name.</param>
/// <param name="Location">Where it is in the input.</param>
/// <param name="Injected">True when a sidecar was injected (or re-injected).</param>
/// <param name="Reason">Why it was skipped, when it was.</param>
/// <param name="ProxyImage">The injected proxy image, when injected.</param>
/// <param name="Warnings">Warnings about this workload.</param>
/// <param name="SkipMessage">Istio's own wording for a skip (<c>Skipping injection because Deployment "ns/name" has host
/// networking enabled</c>), naming the workload as Istio does (owner-derived kind, pod template name); null when injected.</param>
public sealed record WorkloadReport(
    string Kind,
    string Namespace,
    string Name,
    SourceLocation Location,
    bool Injected,
    SkipReason? Reason,
    string? ProxyImage,
    IReadOnlyList<string> Warnings,
    string? SkipMessage)
{
    /// <summary>True when <see cref="Uninjector"/> removed an injected sidecar from this workload.</summary>
    public bool Uninjected { get; init; }

    /// <summary>
    /// Whether this run changed the workload's document: an <see cref="Injected"/> workload that did not change already
    /// carried this injection ("up to date").
    /// </summary>
    public bool Changed { get; init; }

    /// <summary>What happened, as the report says it: <c>injected</c>, <c>up to date</c>, <c>uninjected</c> or <c>skipped</c>.</summary>
    public string Outcome => Injected ? (Changed ? "injected" : "up to date") : Uninjected ? "uninjected" : "skipped";

    /// <summary><c>Kind namespace/name</c>.</summary>
    public string DisplayName => $"{Kind} {(Namespace.Length > 0 ? Namespace + "/" : "")}{Name}";
}
