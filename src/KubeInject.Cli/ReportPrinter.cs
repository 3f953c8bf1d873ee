using System.Text.Json;

namespace KubeInject.Cli;

/// <summary>Prints what happened to each workload on stderr, as text lines or one JSON document.</summary>
internal sealed class ReportPrinter(TextWriter stderr, string format)
{
    private readonly List<object> _json = [];

    public void Add(string file, InjectionSummary result)
    {
        foreach (var w in result.Warnings) if (format != "json") stderr.WriteLine($"kube-inject: warning: {file}: {w}");
        foreach (var r in result.Workloads)
        {
            if (format == "json")
            {
                _json.Add(new
                {
                    file,
                    line = r.Location.Line,
                    kind = r.Kind,
                    @namespace = r.Namespace,
                    name = r.Name,
                    status = r.Injected ? "injected" : r.Uninjected ? "uninjected" : "skipped",
                    reason = r.Reason?.Code,
                    message = r.SkipMessage,
                    proxyImage = r.ProxyImage,
                    warnings = r.Warnings,
                });
                continue;
            }
            foreach (var w in r.Warnings) stderr.WriteLine($"kube-inject: warning: {file}:{r.Location.Line}: {w}");
            if (format == "none")
            {
                // Skips are warnings, as istioctl prints them, even without the per-workload report.
                if (r.SkipMessage is { } skip && r.Reason != Decision.SkipReason.NotInjected) stderr.WriteLine($"kube-inject: warning: {skip}");
                continue;
            }
            stderr.WriteLine(r.Injected ? $"{r.DisplayName}: injected ({r.ProxyImage})"
                : r.Uninjected ? $"{r.DisplayName}: uninjected"
                : $"{r.DisplayName}: skipped [{r.Reason!.Code}]: {r.SkipMessage}");
        }
    }

    public void Flush()
    {
        if (format != "json") return;
        stderr.WriteLine(JsonSerializer.Serialize(new { workloads = _json }, new JsonSerializerOptions { WriteIndented = true }));
    }
}
