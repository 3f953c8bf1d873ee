using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Settings;

/// <summary>
/// Reads injector values (<c>--valuesFile</c> or the configmap's <c>values</c>): YAML or JSON into a tree
/// for <c>.Values</c>. Empty text gives an empty mapping, as in Istio.
/// </summary>
internal static class ValuesLoader
{
    /// <summary>Parses the values text.</summary>
    /// <exception cref="KubeInjectException">Malformed text, or a root that is not a mapping (with file and line).</exception>
    public static YMapping Load(string text, string fileName)
    {
        if (string.IsNullOrWhiteSpace(text)) return new YMapping();
        YNode? root;
        try
        {
            // Like sigs.k8s.io/yaml, only the first document counts.
            root = ManifestReader.Read(text, fileName).FirstOrDefault()?.Root;
        }
        catch (KubeInjectException e)
        {
            throw new KubeInjectException($"could not parse configuration values: {e.Message}", e.Location, ErrorKind.BadInput, e);
        }
        return root switch
        {
            null or YScalar { Kind: ScalarKind.Null } => new YMapping(),
            YMapping m => m,
            _ => throw new KubeInjectException(
                $"could not parse configuration values: expected a mapping at the top level, found {(root is YSequence ? "a list" : "a scalar")}",
                new SourceLocation(fileName, 0, root.Line, root.Column)),
        };
    }
}
