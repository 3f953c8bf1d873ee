using System.Text;
using KubeInject.Yaml;

namespace KubeInject.Pod;

/// <summary>
/// The Prometheus scrape annotations as Istio matches them: keys are compared after Prometheus' label-name
/// sanitising, so <c>prometheus.io/port</c>, <c>prometheus-io/port</c> and <c>prometheus_io_port</c> are one key.
/// </summary>
internal static class PrometheusAnnotations
{
    /// <summary>Sanitised scrape key.</summary>
    public const string Scrape = "prometheus_io_scrape";

    /// <summary>Sanitised port key.</summary>
    public const string PortKey = "prometheus_io_port";

    /// <summary>Sanitised path key.</summary>
    public const string Path = "prometheus_io_path";

    /// <summary>Every character outside <c>[a-zA-Z0-9_]</c> becomes <c>_</c>.</summary>
    public static string Sanitize(string key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (var c in key) sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        return sb.ToString();
    }

    /// <summary>Values of the annotations whose key sanitises to <paramref name="sanitized"/>, in document order.</summary>
    public static IEnumerable<string> Values(YMapping? annotations, string sanitized) =>
        annotations is null ? [] : annotations.Entries
            .Where(e => Sanitize(e.Name) == sanitized && e.Value is YScalar)
            .Select(e => ((YScalar)e.Value).AsGoString());

    /// <summary>The Prometheus port annotation (any spelling), or null. Go iterates a map, so any one may win; we take the first.</summary>
    public static string? Port(YMapping? annotations) => Values(annotations, PortKey).Cast<string?>().FirstOrDefault();

    /// <summary>Removes every spelling of the scrape/port/path annotations except the canonical names in <paramref name="keep"/>.</summary>
    public static void RemoveAll(YMapping annotations, params string[] keep)
    {
        foreach (var key in annotations.Entries.Select(e => e.Name).ToList())
        {
            if (keep.Contains(key)) continue;
            if (Sanitize(key) is Scrape or PortKey or Path) annotations.Remove(key);
        }
    }
}
