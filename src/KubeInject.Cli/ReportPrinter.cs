using System.Text.Json.Nodes;

namespace KubeInject.Cli;

/// <summary>
/// Prints what happened to each file and workload on stderr, as text lines or one JSON document
/// (<c>{"files": [...], "workloads": [...]}</c>).
/// </summary>
internal sealed class ReportPrinter(TextWriter stderr, string format)
{
    private readonly JsonArray _files = [];
    private readonly JsonArray _workloads = [];

    public void Add(string file, InjectionSummary result)
    {
        // File entries exist only in the JSON report; text reports would only hold them until the end.
        if (format == "json") _files.Add((JsonNode)FileEntry(file, "processed", result.Changed, result.Workloads.Count, null));
        foreach (var w in result.Warnings) if (format != "json") stderr.WriteLine($"kube-inject: warning: {file}: {w}");
        foreach (var r in result.Workloads)
        {
            if (format == "json")
            {
                _workloads.Add((JsonNode)new JsonObject
                {
                    ["file"] = file,
                    ["line"] = r.Location.Line,
                    ["kind"] = r.Kind,
                    ["namespace"] = r.Namespace,
                    ["name"] = r.Name,
                    ["status"] = r.Outcome,
                    ["changed"] = r.Changed,
                    ["reason"] = r.Reason?.Code,
                    ["message"] = r.SkipMessage,
                    ["proxyImage"] = r.ProxyImage,
                    ["warnings"] = r.Warnings.ToJsonArray(),
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
            stderr.WriteLine(r.Injected ? $"{r.DisplayName}: {r.Outcome} ({r.ProxyImage})"
                : r.Uninjected ? $"{r.DisplayName}: uninjected"
                : $"{r.DisplayName}: skipped [{r.Reason!.Code}]: {r.SkipMessage}");
        }
    }

    /// <summary>A file that was not processed at all (its bytes went to the output unchanged): always said, as a warning.</summary>
    public void AddSkippedFile(string file, string reason)
    {
        if (format == "json") _files.Add((JsonNode)FileEntry(file, "skipped", false, 0, reason));
        else stderr.WriteLine($"kube-inject: warning: {file}: skipped: {reason}");
    }

    public void Flush()
    {
        if (format != "json") return;
        stderr.WriteLine(JsonOut.Write(new JsonObject { ["files"] = _files, ["workloads"] = _workloads }, JsonOut.Indented));
    }

    private static JsonObject FileEntry(string file, string status, bool changed, int workloads, string? reason) => new()
    {
        ["file"] = file,
        ["status"] = status,
        ["changed"] = changed,
        ["workloads"] = workloads,
        ["reason"] = reason,
    };
}
