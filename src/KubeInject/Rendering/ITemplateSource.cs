namespace KubeInject.Rendering;

/// <summary>
/// Go templates in Istio's format (what the injector ConfigMap's <c>templates:</c> map holds, e.g. <c>sidecar</c>) that
/// override the stock or the cluster's templates of the same name; see <see cref="DirectoryTemplateSource"/>.
/// </summary>
public interface ITemplateSource
{
    /// <summary>The Go text of template <paramref name="name"/> (e.g. <c>sidecar</c>) for Istio version folder <paramref name="versionFolder"/> (e.g. <c>istio-1.30</c>), or null.</summary>
    string? Load(string versionFolder, string name);

    /// <summary>Names of the templates this source has for a version folder.</summary>
    IReadOnlyList<string> Names(string versionFolder);
}
