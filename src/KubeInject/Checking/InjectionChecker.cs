namespace KubeInject.Checking;

/// <summary>
/// Offline troubleshooting (<c>kube-inject check</c>): for every workload of the inputs, decides what the cluster's
/// injection webhook would do and compares it with what the manifest holds. Pure: it reads only the texts it is given.
/// Wires: read (the injector's reader and workload selector) → cluster model (namespace labels, webhooks,
/// target version, mesh root namespace) → one <see cref="WorkloadCheck"/> per workload → the mesh-wide findings (STRICT
/// mutual TLS a workload without a sidecar cannot meet, policies nothing enforces) and one <see cref="PolicyCheck"/> per
/// Istio policy resource.
/// </summary>
public sealed class InjectionChecker
{
    private readonly CheckOptions _options;

    /// <summary>Creates a checker.</summary>
    public InjectionChecker(CheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Checks the workloads of all inputs together (a Namespace or MutatingWebhookConfiguration in one input applies to all).</summary>
    /// <exception cref="Diagnostics.KubeInjectException">Unparseable YAML (naming file, document and line), an unknown <see cref="CheckOptions.IstioVersion"/>, or an invalid <see cref="CheckOptions.MeshConfigText"/>.</exception>
    public CheckResult Check(IEnumerable<ManifestInput> inputs)
    {
        var manifests = ManifestSet.Read(inputs, _options.DefaultNamespace, Selection.WorkloadKinds.Builtin.With(_options.Workloads));
        var cluster = new ClusterModel(manifests, _options);
        var checks = manifests.Workloads.Select(w => WorkloadInspector.Inspect(w, cluster, _options)).ToList();
        var (workloads, policies) = Policies.MeshInspector.Inspect(manifests, cluster, checks);
        return new CheckResult(cluster.IstioVersion, workloads) { Policies = policies };
    }
}
