namespace KubeInject.Checking;

/// <summary>Settings for an <see cref="InjectionChecker"/>: what is known about the cluster the manifests go to.</summary>
public sealed record CheckOptions
{
    /// <summary>
    /// The Istio version the cluster runs (<c>1.23</c>, <c>1.23.0</c>); sidecars of another version are stale.
    /// A bundled minor version picks its bundled patch; other versions must be given in full. Null = newest bundled.
    /// </summary>
    public string? IstioVersion { get; init; }

    /// <summary>The control-plane revision whose webhook is modelled; "" or <c>default</c> is the default revision.</summary>
    public string Revision { get; init; } = "";

    /// <summary>
    /// The manifests are meant to hold their sidecars (GitOps with pre-injection): a workload without a sidecar,
    /// or with a stale one, is an error.
    /// </summary>
    public bool ExpectInjected { get; init; }

    /// <summary>Namespace labels by namespace, used for namespaces that have no <c>Namespace</c> document in the input.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> NamespaceLabels { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>The namespace of workloads whose manifest names none (what <c>kubectl apply</c> would use).</summary>
    public string DefaultNamespace { get; init; } = "default";

    /// <summary>Workload kinds beyond the built-in table (see <see cref="InjectionOptions.Workloads"/>).</summary>
    public IReadOnlyList<Selection.WorkloadKindSpec> Workloads { get; init; } = [];

    /// <summary>
    /// The <c>istio</c> ConfigMap's <c>mesh</c> text (YAML or JSON), or null for Istio's defaults: its <c>rootNamespace</c>
    /// (default <c>istio-system</c>) is where mesh-wide policies live.
    /// </summary>
    public string? MeshConfigText { get; init; }

    /// <summary>The name of <see cref="MeshConfigText"/> in error messages.</summary>
    public string MeshConfigName { get; init; } = "mesh config";

    /// <summary>
    /// The <c>istio-sidecar-injector</c> ConfigMap's <c>config</c> text (or the whole ConfigMap), or null: its
    /// <c>policy</c>, <c>neverInjectSelector</c> and <c>alwaysInjectSelector</c> decide as in the cluster's webhook.
    /// </summary>
    public string? InjectorConfigText { get; init; }

    /// <summary>The name of <see cref="InjectorConfigText"/> in error messages.</summary>
    public string InjectorConfigName { get; init; } = "injector config";
}
