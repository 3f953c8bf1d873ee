using KubeInject.Decision;
using KubeInject.Diagnostics;
using KubeInject.Pod;
using KubeInject.Settings;
using KubeInject.Versions;
using KubeInject.Yaml;

namespace KubeInject.Checking;

/// <summary>
/// What the checks assume about the cluster: the target Istio version, the webhooks that decide injection, and the
/// labels of each namespace (input documents first, then the options, else none).
/// </summary>
internal sealed class ClusterModel
{
    /// <summary>Kubernetes (≥1.21) labels every namespace with its own name; webhook selectors may use it.</summary>
    private const string NameLabel = "kubernetes.io/metadata.name";

    private readonly ManifestSet _manifests;
    private readonly CheckOptions _options;

    public ClusterModel(ManifestSet manifests, CheckOptions options)
    {
        _manifests = manifests;
        _options = options;
        (IstioVersion, Profile) = ResolveVersion(options.IstioVersion);
        var declared = manifests.InjectionWebhooks();
        WebhooksFromInput = declared.Count > 0;
        Webhooks = WebhooksFromInput ? declared : StockWebhooks.For(options.Revision);
        RootNamespace = options.MeshConfigText is null
            ? DefaultRootNamespace
            : MeshConfigLoader.ApplyMeshConfig(Settings.ConfigMapData.Unwrap(options.MeshConfigText, "mesh", options.MeshConfigName)!, options.MeshConfigName)["rootNamespace"] is YScalar { Value.Length: > 0 } root ? root.AsGoString() : DefaultRootNamespace;
        Policy = InjectionPolicy.Of(options.InjectorConfigText is null ? null
            : InjectorConfigFile.Read(ConfigMapData.Unwrap(options.InjectorConfigText, "config", options.InjectorConfigName)!), []);
    }

    /// <summary>The injector config's policy and inject selectors (Istio's defaults without one).</summary>
    public InjectionPolicy Policy { get; }

    /// <summary>Istio's default mesh root namespace.</summary>
    public const string DefaultRootNamespace = "istio-system";

    /// <summary>The mesh config's <c>rootNamespace</c>: policies there without a selector apply to the whole mesh.</summary>
    public string RootNamespace { get; }

    /// <summary>The version sidecars should run.</summary>
    public string IstioVersion { get; }

    /// <summary>The bundled profile whose injector behaviour applies (the newest not newer than the target).</summary>
    public IstioVersionProfile Profile { get; }

    /// <summary>The webhooks that decide which pods are sent to the injector.</summary>
    public IReadOnlyList<InjectionWebhook> Webhooks { get; }

    /// <summary>True when the input's MutatingWebhookConfiguration replaced the stock selectors.</summary>
    public bool WebhooksFromInput { get; }

    /// <summary>The revision name as namespace labels spell it (<c>default</c> for the default revision).</summary>
    public string RevisionLabelValue => _options.Revision is "" ? "default" : _options.Revision;

    /// <summary>A namespace's labels and where they come from (a document's location, or null for options/none).</summary>
    public (IReadOnlyDictionary<string, string> Labels, SourceLocation? Declared) Namespace(string name)
    {
        IReadOnlyDictionary<string, string> labels;
        SourceLocation? location = null;
        if (_manifests.Namespaces.TryGetValue(name, out var doc))
        {
            labels = doc.Labels;
            location = doc.Location;
        }
        else labels = _options.NamespaceLabels.GetValueOrDefault(name) ?? new Dictionary<string, string>();
        var withName = new Dictionary<string, string>(labels, StringComparer.Ordinal);
        withName.TryAdd(NameLabel, name);
        return (withName, location);
    }

    /// <summary>
    /// A bundled version (<c>1.23</c> picks its patch), or any other full version (<c>1.24.1</c>): check only compares
    /// image tags with it, so it needs no bundled templates.
    /// </summary>
    internal static (string Version, IstioVersionProfile Profile) ResolveVersion(string? requested)
    {
        var newest = IstioVersions.Bundled.All.OrderBy(p => p.Version, Comparer<string>.Create(Sidecar.Compare)).Last();
        if (string.IsNullOrWhiteSpace(requested)) return (newest.Version, newest);
        try
        {
            var profile = IstioVersions.Bundled.Resolve(requested);
            return (profile.Version, profile);
        }
        catch (KubeInjectException) when (Sidecar.VersionOf("proxyv2:" + requested.Trim()) is var v && v != Sidecar.UnknownVersion && v.Count(c => c == '.') >= 2)
        {
            var profile = IstioVersions.Bundled.All.Where(p => Sidecar.Compare(p.Version, v) <= 0).OrderBy(p => p.Version, Comparer<string>.Create(Sidecar.Compare)).LastOrDefault()
                ?? IstioVersions.Bundled.All.OrderBy(p => p.Version, Comparer<string>.Create(Sidecar.Compare)).First();
            return (v, profile);
        }
    }
}
