namespace KubeInject.Versions;

/// <summary>
/// One supported Istio version as its folder's <c>profile.yaml</c> describes it (<see cref="ProfileYaml"/>): where its
/// templates and settings live, and the behaviour switches of Istio's Go code that differ between versions. Code asks
/// these named questions instead of comparing version numbers, so adding a version is adding a folder.
/// </summary>
internal sealed record IstioVersionProfile
{
    /// <summary>The exact Istio version the bundled files come from, e.g. <c>1.23.0</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The folder under <c>templates/</c> holding the templates, <c>values.yaml</c> and <c>mesh.yaml</c>, e.g. <c>istio-1.23</c>.</summary>
    public required string TemplateFolder { get; init; }

    /// <summary>Where the folder's files are read from (the embedded resources, unless a test adds a folder).</summary>
    public required IVersionFiles Files { get; init; }

    /// <summary>The text of a file of this version's folder (e.g. <c>values.yaml</c>), or null when it has none.</summary>
    public string? ReadFile(string file) => Files.Read(TemplateFolder, file);

    /// <summary>The name messages give a file of this version's folder.</summary>
    public string FileName(string file) => Files.NameOf(TemplateFolder, file);

    /// <summary>
    /// <c>sidecar.istio.io/inject</c> accepts only <c>true</c>/<c>false</c>; other values warn and fall back to the
    /// policy (1.29). When false, <c>y/yes/true/on</c> (any case) inject and anything else skips (1.22/1.23).
    /// </summary>
    public bool StrictInjectValue { get; init; }

    /// <summary>Re-injection appends <c>ISTIO_KUBE_APP_PROBERS</c> when a previously injected pod lacks it (1.29).</summary>
    public bool AddProbersToInjectedPods { get; init; }

    /// <summary><c>httpGet</c>/<c>tcpSocket</c> lifecycle hooks are rewritten like probes (1.29).</summary>
    public bool RewriteLifecycleHooks { get; init; }

    /// <summary><c>sidecar.istio.io/enableCoreDump</c> must be a Go bool (1.22/1.23).</summary>
    public bool ValidateEnableCoreDump { get; init; }

    /// <summary>Proxy resource annotations must be Kubernetes quantities (1.29).</summary>
    public bool ValidateResourceAnnotations { get; init; }

    /// <summary>
    /// Templates receive a <c>NativeSidecars</c> field and honour <c>sidecar.istio.io/nativeSidecar</c> (1.29);
    /// otherwise templates read <c>env "ENABLE_NATIVE_SIDECARS"</c> themselves (1.22/1.23).
    /// </summary>
    public bool NativeSidecarAnnotation { get; init; }

    /// <summary>
    /// <c>ENABLE_NATIVE_SIDECARS</c> is a mode (<c>true</c>/<c>false</c>/<c>auto</c>) and offline only <c>true</c>
    /// turns native sidecars on (1.29); otherwise it is a Go bool (<c>1</c>, <c>t</c>, <c>TRUE</c>... also count; 1.22/1.23).
    /// </summary>
    public bool NativeSidecarsEnvIsMode { get; init; }

    /// <summary>
    /// <c>appendMultusNetwork</c> splits <c>ns/name</c> and, for a JSON annotation, matches and inserts entries by
    /// name and namespace (1.29); otherwise the whole <c>ns/name</c> is the entry's name (1.22/1.23).
    /// </summary>
    public bool MultusNamespaceMatching { get; init; }

    /// <summary>
    /// Istio's typed round trip writes a <c>resourceFieldRef</c>'s zero <c>divisor: "0"</c> (Kubernetes libraries
    /// before 0.31: 1.22/1.23); later ones omit it.
    /// </summary>
    public bool ZeroResourceFieldRefDivisor { get; init; }

    /// <summary>
    /// SHA-256 (lower-case hex, of the UTF-8 text) of each stock Go template of this version's injector
    /// configmap, by template name: lets callers warn when a given injector config carries modified templates.
    /// </summary>
    public IReadOnlyDictionary<string, string> StockTemplateSha256 { get; init; } = new Dictionary<string, string>();

    /// <summary>True when <paramref name="goTemplateText"/> is this version's stock template <paramref name="name"/>.</summary>
    public bool IsStockTemplate(string name, string goTemplateText) =>
        StockTemplateSha256.TryGetValue(name, out var hash) && hash == Sha256Hex(goTemplateText);

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
