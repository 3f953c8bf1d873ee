using KubeInject.Diagnostics;
using KubeInject.Pod;

namespace KubeInject.Checking;

/// <summary>One proxy the manifests will run (the offline twin of a line of <c>istioctl proxy-status</c>).</summary>
/// <param name="Kind">The workload's kind.</param>
/// <param name="Name">Its name.</param>
/// <param name="Namespace">Its namespace (the default namespace when the manifest names none).</param>
/// <param name="Location">Where the workload starts in the input.</param>
/// <param name="Version">The version of its <c>istio-proxy</c> image tag, or <c>unknown</c>.</param>
/// <param name="TargetVersion">The Istio version the cluster runs.</param>
public sealed record ProxyStatus(string Kind, string Name, string Namespace, SourceLocation Location, string Version, string TargetVersion)
{
    /// <summary>True when the proxy's version is known and is not the target version.</summary>
    public bool Stale => Version != Sidecar.UnknownVersion && Version != TargetVersion;
}
