namespace KubeInject.Checking;

/// <summary>The mutual-TLS mode a workload's sidecar enforces for incoming connections, after Istio's precedence.</summary>
/// <param name="Mode"><c>STRICT</c>, <c>PERMISSIVE</c> or <c>DISABLE</c> (PERMISSIVE when no policy sets one).</param>
/// <param name="Ports">Port-level modes of its workload policy, by container port.</param>
/// <param name="Policy">The policy that set <paramref name="Mode"/> (<c>Kind namespace/name</c>), or null for Istio's default.</param>
public sealed record PeerAuthenticationCheck(string Mode, IReadOnlyDictionary<int, string> Ports, string? Policy);
