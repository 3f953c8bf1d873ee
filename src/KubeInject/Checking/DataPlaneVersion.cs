namespace KubeInject.Checking;

/// <summary>The sidecars of one proxy version across the manifests.</summary>
/// <param name="Version">The version from the <c>istio-proxy</c> image tag, or <c>unknown</c>.</param>
/// <param name="Proxies">How many workloads carry it (one per workload, whatever its replicas).</param>
/// <param name="Workloads">Those workloads, as <c>Kind namespace/name</c>, in input order.</param>
public sealed record DataPlaneVersion(string Version, int Proxies, IReadOnlyList<string> Workloads);
