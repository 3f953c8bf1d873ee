using KubeInject.Yaml;

namespace KubeInject.Rendering;

/// <summary>
/// Everything an injection template sees: the port of Istio's <c>SidecarTemplateData</c>. Trees are
/// <see cref="YNode"/>s with Kubernetes / proto-JSON field names (<c>containers</c>, <c>proxyMetadata</c>).
/// </summary>
internal sealed record TemplateData
{
    /// <summary><c>.TypeMeta.Kind</c>: the workload kind (for Pods possibly derived from the owner).</summary>
    public required string Kind { get; init; }

    /// <summary><c>.TypeMeta.APIVersion</c>.</summary>
    public required string ApiVersion { get; init; }

    /// <summary><c>.DeploymentMeta.Name</c> (may be empty).</summary>
    public required string DeploymentName { get; init; }

    /// <summary><c>.DeploymentMeta.Namespace</c> (may be empty).</summary>
    public required string DeploymentNamespace { get; init; }

    /// <summary><c>.ObjectMeta</c>: the pod template's metadata after stripping a previous injection.</summary>
    public required YMapping ObjectMeta { get; init; }

    /// <summary><c>.Spec</c>: the pod spec after stripping a previous injection.</summary>
    public required YMapping Spec { get; init; }

    /// <summary><c>.ProxyConfig</c>: the effective ProxyConfig (mesh defaultConfig + annotation), all defaults filled in.</summary>
    public required YMapping ProxyConfig { get; init; }

    /// <summary>The result of Istio's <c>protoToJSON .ProxyConfig</c> (only fields that differ from defaults).</summary>
    public required string ProxyConfigJson { get; init; }

    /// <summary><c>.MeshConfig</c>: the effective mesh config, defaults filled in.</summary>
    public required YMapping MeshConfig { get; init; }

    /// <summary><c>.Values</c>: the injector values.</summary>
    public required YMapping Values { get; init; }

    /// <summary><c>.Revision</c>: "" for the default revision.</summary>
    public required string Revision { get; init; }

    /// <summary><c>.ProxyImage</c>.</summary>
    public required string ProxyImage { get; init; }

    /// <summary><c>.ProxyUID</c> (1337 offline).</summary>
    public long ProxyUid { get; init; } = 1337;

    /// <summary><c>.ProxyGID</c> (1337 offline).</summary>
    public long ProxyGid { get; init; } = 1337;

    /// <summary><c>.InboundTrafficPolicyMode</c>: "localhost" or "passthrough".</summary>
    public required string InboundTrafficPolicyMode { get; init; }

    /// <summary><c>.CompliancePolicy</c>.</summary>
    public string CompliancePolicy { get; init; } = "";

    /// <summary><c>.NativeSidecars</c> (1.29 templates); 1.23 templates read <c>env "ENABLE_NATIVE_SIDECARS"</c> instead.</summary>
    public bool NativeSidecars { get; init; }

    /// <summary>Istio 1.29's <c>appendMultusNetwork</c>, which matches JSON entries by name and namespace (a version knob, not Go data).</summary>
    public bool MultusNamespaceMatching { get; init; }

    /// <summary>What the template function <c>env</c> sees (the caller decides; the library never reads the process environment).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The instant sprig's <c>now</c> returns in this render (read from the caller's clock, <see cref="InjectionOptions.Clock"/>).</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UnixEpoch;
}
