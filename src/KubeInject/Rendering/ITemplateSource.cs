namespace KubeInject.Rendering;

/// <summary>Where injection templates come from: the embedded stock ports, or a directory that overrides them.</summary>
public interface ITemplateSource
{
    /// <summary>The text of template <paramref name="name"/> (e.g. <c>sidecar</c>) for Istio version folder <paramref name="versionFolder"/> (e.g. <c>istio-1.23</c>), or null.</summary>
    string? Load(string versionFolder, string name);

    /// <summary>Names of the templates available for a version folder.</summary>
    IReadOnlyList<string> Names(string versionFolder);
}
