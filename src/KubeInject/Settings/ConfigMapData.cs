using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Settings;

/// <summary>
/// Settings files may be whole ConfigMaps, as <c>kubectl get cm istio-sidecar-injector -n istio-system -o yaml</c> and
/// <c>kubectl get cm istio -n istio-system -o yaml</c> print them (revisioned names too; one file may hold both, as
/// several documents or a <c>List</c>): the setting is then the ConfigMap's <c>data.values</c>, <c>data.config</c> or
/// <c>data.mesh</c>. Any other text is the setting itself, as a cluster's ConfigMap holds it.
/// </summary>
internal static class ConfigMapData
{
    /// <summary>The setting <paramref name="key"/> of <paramref name="text"/> (see the type summary); null stays null.</summary>
    /// <exception cref="KubeInjectException">The text holds ConfigMaps, but none has <c>data.<paramref name="key"/></c>.</exception>
    public static string? Unwrap(string? text, string key, string fileName)
    {
        if (text is null || !text.Contains("ConfigMap", StringComparison.Ordinal)) return text;
        List<YMapping> configMaps;
        try
        {
            configMaps = ManifestReader.Read(text, fileName).Select(d => d.Root).OfType<YMapping>().SelectMany(ConfigMaps).ToList();
        }
        catch (KubeInjectException)
        {
            return text; // not YAML a ConfigMap could be in: the setting's own reader reports it
        }
        if (configMaps.Count == 0) return text;
        foreach (var map in configMaps)
            if ((map["data"] as YMapping)?[key] is YScalar value) return value.Value;
        string names = string.Join(", ", configMaps.Select(m => ((m["metadata"] as YMapping)?["name"] as YScalar)?.Value ?? "?"));
        throw new KubeInjectException($"ConfigMap {names} has no data.{key}", new SourceLocation(fileName), ErrorKind.BadInput);
    }

    private static IEnumerable<YMapping> ConfigMaps(YMapping root) => (root["kind"] as YScalar)?.Value switch
    {
        "ConfigMap" => [root],
        "List" => (root["items"] as YSequence)?.Items.OfType<YMapping>().Where(i => (i["kind"] as YScalar)?.Value == "ConfigMap") ?? [],
        _ => [],
    };
}
