using KubeInject.Diagnostics;
using KubeInject.Pod;

namespace KubeInject.Checking;

/// <summary>
/// An Istio resource of the inputs that configures sidecars (<c>PeerAuthentication</c>, <c>AuthorizationPolicy</c>,
/// <c>RequestAuthentication</c>, <c>Sidecar</c>, <c>EnvoyFilter</c>, <c>Telemetry</c>) and its findings.
/// </summary>
/// <param name="Kind">The kind.</param>
/// <param name="Name">Its name.</param>
/// <param name="Namespace">Its namespace (the default namespace when the manifest names none).</param>
/// <param name="Location">Where it starts in the input.</param>
/// <param name="AppliesTo">The workloads of the inputs it configures (all of its namespace, or of the mesh from the root namespace, without a selector), as <c>Kind namespace/name</c>, in input order.</param>
/// <param name="Findings">Findings, in a stable order.</param>
public sealed record PolicyCheck(
    string Kind,
    string Name,
    string Namespace,
    SourceLocation Location,
    IReadOnlyList<string> AppliesTo,
    IReadOnlyList<Finding> Findings)
{
    /// <summary><c>Kind namespace/name</c>.</summary>
    public string DisplayName => $"{Kind} {Namespace}/{Name}";
}
