using System.Globalization;
using System.Text.Json;
using KubeInject.Pod;
using KubeInject.PostProcessing;
using KubeInject.Yaml;

namespace KubeInject.Uninjection;

/// <summary>
/// Undoes the Prometheus merge (spec §5.5). When the scrape annotations point at the agent (port = status port),
/// the user's own values come back from <c>ISTIO_PROMETHEUS_ANNOTATIONS</c> under the canonical keys, in the
/// positions the merge kept (it rewrites canonical keys in place); without that env the user had none and
/// Istio's three annotations are removed. Other spellings (<c>prometheus-io/port</c>) come back canonical.
/// </summary>
internal static class PrometheusRestorer
{
    private static readonly (string Key, string Json)[] Canonical =
        [("prometheus.io/scrape", "scrape"), ("prometheus.io/path", "path"), ("prometheus.io/port", "port")];

    /// <summary>Restores (or removes) the scrape annotations.</summary>
    public static void Restore(YMapping pod, int statusPort, string? recorded)
    {
        var annotations = PodTree.Annotations(pod);
        if (annotations is null || PrometheusAnnotations.Port(annotations) != statusPort.ToString(CultureInfo.InvariantCulture)) return;
        // The merge writes Istio's three keys together (spec §5.5 step 6). Without all three, it stopped at step 4 (the
        // user's own port already named the agent's): the annotations are the user's and stay.
        if (PodTree.StringValue(annotations, "prometheus.io/port") != statusPort.ToString(CultureInfo.InvariantCulture)
            || PodTree.StringValue(annotations, "prometheus.io/path") != "/stats/prometheus"
            || PodTree.StringValue(annotations, "prometheus.io/scrape") != "true")
            return;
        var original = Parse(recorded);
        PrometheusAnnotations.RemoveAll(annotations, Canonical.Select(c => c.Key).ToArray());
        foreach (var (key, json) in Canonical)
        {
            if (original.TryGetValue(json, out var value) && value.Length > 0) PodTree.SetString(annotations, key, value);
            else annotations.Remove(key);
        }
    }

    private static Dictionary<string, string> Parse(string? json)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json)) return map;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return map;
            foreach (var p in doc.RootElement.EnumerateObject())
                if (p.Value.ValueKind == JsonValueKind.String) map[p.Name] = p.Value.GetString()!;
        }
        catch (JsonException)
        {
            // Nothing recorded that we can read: the user had no scrape annotations as far as we can tell.
        }
        return map;
    }
}
