using KubeInject.Diagnostics;

namespace KubeInject.Checking;

/// <summary>What the cluster's injection webhook would do with one workload, what its manifest holds, and the findings.</summary>
/// <param name="Kind">The workload's kind.</param>
/// <param name="Name">Its name.</param>
/// <param name="Namespace">Its namespace (the default namespace when the manifest names none).</param>
/// <param name="Location">Where the workload starts in the input.</param>
/// <param name="WouldInject">True when the webhook would inject its pods at admission.</param>
/// <param name="HasSidecar">True when the manifest already holds an <c>istio-proxy</c> container.</param>
/// <param name="ProxyVersion">The version of that container's image (<c>unknown</c> when its tag is not a version), or null without a sidecar.</param>
/// <param name="Findings">Findings, in a stable order.</param>
public sealed record WorkloadCheck(
    string Kind,
    string Name,
    string Namespace,
    SourceLocation Location,
    bool WouldInject,
    bool HasSidecar,
    string? ProxyVersion,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>
    /// The peer authentication its sidecar enforces (the policies of the inputs, Istio's precedence), or null when it
    /// will run without a sidecar.
    /// </summary>
    public PeerAuthenticationCheck? PeerAuthentication { get; init; }

    /// <summary><c>Kind namespace/name</c>.</summary>
    public string DisplayName => $"{Kind} {Namespace}/{Name}";
}
