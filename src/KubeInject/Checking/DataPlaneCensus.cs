using KubeInject.Pod;
using KubeInject.Selection;

namespace KubeInject.Checking;

/// <summary>
/// The offline twin of <c>istioctl version</c>'s data-plane line: counts the sidecars that manifests hold, by the
/// version of their <c>istio-proxy</c> image (in <c>containers</c>, or in <c>initContainers</c> for native sidecars).
/// </summary>
public static class DataPlaneCensus
{
    /// <summary>The versions found, oldest first (<c>unknown</c> last); empty when no manifest holds a sidecar.</summary>
    /// <param name="inputs">The manifests.</param>
    /// <param name="defaultNamespace">The namespace of workloads whose manifest names none.</param>
    /// <param name="workloads">Workload kinds beyond the built-in table.</param>
    /// <exception cref="Diagnostics.KubeInjectException">Unparseable YAML.</exception>
    public static IReadOnlyList<DataPlaneVersion> Take(IEnumerable<ManifestInput> inputs, string defaultNamespace = "default", IReadOnlyList<Selection.WorkloadKindSpec>? workloads = null)
    {
        var byVersion = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var workload in ManifestSet.Read(inputs, defaultNamespace, Selection.WorkloadKinds.Builtin.With(workloads ?? [])).Workloads)
        {
            if (Sidecar.Find(workload.PodSpec) is not { } sidecar) continue;
            string ns = workload.Namespace.Length > 0 ? workload.Namespace : defaultNamespace;
            string name = workload.Name.Length > 0 ? workload.Name : WorkloadIdentity.Of(workload).Name;
            if (!byVersion.TryGetValue(sidecar.Version, out var list)) byVersion[sidecar.Version] = list = [];
            list.Add($"{workload.Kind} {ns}/{name}");
        }
        return byVersion
            .OrderBy(kv => kv.Key, Comparer<string>.Create(Sidecar.Compare))
            .Select(kv => new DataPlaneVersion(kv.Key, kv.Value.Count, kv.Value))
            .ToList();
    }

    /// <summary>Every proxy the manifests hold, in input order, with the target version it is compared with.</summary>
    /// <param name="inputs">The manifests.</param>
    /// <param name="istioVersion">The Istio version the cluster runs (as <see cref="CheckOptions.IstioVersion"/>); null = newest bundled.</param>
    /// <param name="defaultNamespace">The namespace of workloads whose manifest names none.</param>
    /// <param name="workloads">Workload kinds beyond the built-in table.</param>
    /// <exception cref="Diagnostics.KubeInjectException">Unparseable YAML, or an unknown <paramref name="istioVersion"/>.</exception>
    public static IReadOnlyList<ProxyStatus> Proxies(IEnumerable<ManifestInput> inputs, string? istioVersion = null, string defaultNamespace = "default", IReadOnlyList<Selection.WorkloadKindSpec>? workloads = null)
    {
        string target = ClusterModel.ResolveVersion(istioVersion).Version;
        var proxies = new List<ProxyStatus>();
        foreach (var workload in ManifestSet.Read(inputs, defaultNamespace, Selection.WorkloadKinds.Builtin.With(workloads ?? [])).Workloads)
        {
            if (Sidecar.Find(workload.PodSpec) is not { } sidecar) continue;
            string ns = workload.Namespace.Length > 0 ? workload.Namespace : defaultNamespace;
            string name = workload.Name.Length > 0 ? workload.Name : WorkloadIdentity.Of(workload).Name;
            proxies.Add(new ProxyStatus(workload.Kind, name, ns, workload.Location, sidecar.Version, target));
        }
        return proxies;
    }
}
