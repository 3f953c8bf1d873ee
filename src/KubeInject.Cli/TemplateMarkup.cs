using KubeInject.Diagnostics;

namespace KubeInject.Cli;

/// <summary>
/// Tells an unrendered Helm/Go template from a broken manifest. <c>{{</c> inside a string value (a Grafana
/// dashboard's <c>"legendFormat": "{{pod}}"</c>, an Alertmanager template) is valid YAML and is processed like any
/// other text; only markup that makes the YAML invalid, on or just before the line the parser stopped at, counts.
/// </summary>
internal static class TemplateMarkup
{
    /// <summary>Where template markup broke the YAML (<c>line N</c>), or null when <paramref name="error"/> is not that.</summary>
    public static string? Broke(KubeInjectException error, string text)
    {
        if (error.Kind != ErrorKind.BadInput || error.Location is not { Line: > 0 } location) return null;
        var lines = text.Split('\n');
        for (int line = Math.Max(1, location.Line - 1); line <= Math.Min(lines.Length, location.Line); line++)
            if (lines[line - 1].Contains("{{", StringComparison.Ordinal)) return $"line {location.Line}";
        return null;
    }
}
