using System.Text.Json.Nodes;
using KubeInject.Checking;

namespace KubeInject.Cli;

/// <summary>Prints <c>check</c> results and <c>version</c> counts as text (a table, then istioctl-analyze-style lines) or JSON.</summary>
internal static class CheckPrinter
{
    private static readonly string[] Header = ["WORKLOAD", "NAMESPACE", "WEBHOOK WOULD INJECT", "SIDECAR IN MANIFEST", "PROXY VERSION", "FINDINGS"];

    public static void Text(TextWriter output, CheckResult result)
    {
        if (result.Workloads.Count == 0)
        {
            output.WriteLine("No workloads found in the input.");
            return;
        }
        var rows = new List<string[]> { Header };
        foreach (var w in result.Workloads)
        {
            rows.Add([
                $"{w.Kind}/{w.Name}",
                w.Namespace,
                w.WouldInject ? "yes" : "no",
                w.HasSidecar ? "yes" : "no",
                w.ProxyVersion ?? "-",
                w.Findings.Count == 0 ? "-" : string.Join(",", w.Findings.Select(f => f.Code).Distinct()),
            ]);
        }
        var widths = Enumerable.Range(0, Header.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));

        // A namespace-level finding repeats on each of its workloads in the table, but is explained once, listing them.
        var groups = result.Workloads
            .SelectMany(w => w.Findings.Select(f => (Owner: w.DisplayName, OwnerLocation: w.Location, IsPolicy: false, Finding: f)))
            .Concat(result.Policies.SelectMany(p => p.Findings.Select(f => (Owner: p.DisplayName, OwnerLocation: p.Location, IsPolicy: true, Finding: f))))
            .GroupBy(x => (x.Finding.Code, x.Finding.Severity, x.Finding.Message, x.Finding.Fix))
            .ToList();
        bool first = true;
        foreach (var group in groups)
        {
            if (first) output.WriteLine();
            first = false;
            var (code, severity, message, fix) = group.Key;
            var members = group.ToList();
            if (members.Count == 1)
                output.WriteLine($"{severity} [{code}] ({members[0].Owner} {At(members[0].Finding.Location)}) {message}");
            else
            {
                var locations = members.Select(x => At(x.Finding.Location)).Distinct().ToList();
                output.WriteLine($"{severity} [{code}] {(locations.Count == 1 ? $"({locations[0]}) " : "")}{message}");
                string label = members.All(x => x.IsPolicy) ? "Policies" : "Workloads";
                output.WriteLine($"  {label}: {string.Join(", ", members.Select(x => $"{x.Owner} ({At(x.OwnerLocation)})"))}");
            }
            output.WriteLine($"  Fix: {fix}");
        }
        int Count(FindingSeverity s) => groups.Count(g => g.Key.Severity == s);
        output.WriteLine();
        string policies = result.Policies.Count == 0 ? "" : $" and {Plural(result.Policies.Count, "Istio policy", "Istio policies")}";
        output.WriteLine($"Checked {Plural(result.Workloads.Count, "workload")}{policies} against Istio {result.IstioVersion}: " +
            $"{Plural(Count(FindingSeverity.Error), "error")}, {Plural(Count(FindingSeverity.Warning), "warning")}, {Count(FindingSeverity.Info)} info.");
    }

    private static string Plural(int n, string noun, string? plural = null) => $"{n} {(n == 1 ? noun : plural ?? noun + "s")}";

    private static string At(Diagnostics.SourceLocation location) => $"{location.File}:{location.Line}";

    // Messages quote values: JsonOut.Relaxed keeps " and ' readable instead of \u0022 (the output is not embedded in HTML).
    public static void Json(TextWriter output, CheckResult result)
    {
        var workloads = result.Workloads.Select(w => (JsonNode?)new JsonObject
        {
            ["kind"] = w.Kind,
            ["name"] = w.Name,
            ["namespace"] = w.Namespace,
            ["file"] = w.Location.File,
            ["line"] = w.Location.Line,
            ["wouldInject"] = w.WouldInject,
            ["hasSidecar"] = w.HasSidecar,
            ["proxyVersion"] = w.ProxyVersion,
            ["peerAuthentication"] = w.PeerAuthentication is { } pa
                ? new JsonObject
                {
                    ["mode"] = pa.Mode,
                    ["ports"] = pa.Ports.Select(p => KeyValuePair.Create(p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Value)).ToJsonObject(),
                    ["policy"] = pa.Policy,
                }
                : null,
            ["findings"] = w.Findings.Select(Json).ToJsonArray(),
        });
        var policies = result.Policies.Select(p => (JsonNode?)new JsonObject
        {
            ["kind"] = p.Kind,
            ["name"] = p.Name,
            ["namespace"] = p.Namespace,
            ["file"] = p.Location.File,
            ["line"] = p.Location.Line,
            ["appliesTo"] = p.AppliesTo.ToJsonArray(),
            ["findings"] = p.Findings.Select(Json).ToJsonArray(),
        });
        output.WriteLine(JsonOut.Write(new JsonObject { ["workloads"] = workloads.ToJsonArray(), ["policies"] = policies.ToJsonArray() }, JsonOut.Relaxed));
    }

    private static JsonNode? Json(Finding f) => new JsonObject
    {
        ["code"] = f.Code,
        ["severity"] = f.Severity.ToString().ToLowerInvariant(),
        ["message"] = f.Message,
        ["fix"] = f.Fix,
        ["file"] = f.Location.File,
        ["line"] = f.Location.Line,
    };

    public static void Text(TextWriter output, IReadOnlyList<DataPlaneVersion> versions) =>
        output.WriteLine(versions.Count == 0
            ? "data plane version: none (no istio-proxy sidecars in the manifests)"
            : "data plane version: " + string.Join(", ", versions.Select(v => $"{v.Version} ({v.Proxies} proxies)")));

    private static readonly string[] ProxyHeader = ["WORKLOAD", "NAMESPACE", "PROXY VERSION", "TARGET VERSION", "STATUS", "MANIFEST"];

    /// <summary>One line per proxy (a table), STALE where its version is not the target (<c>?</c> when its tag is not a version), and where it is.</summary>
    public static void Text(TextWriter output, IReadOnlyList<ProxyStatus> proxies)
    {
        var rows = new List<string[]> { ProxyHeader };
        rows.AddRange(proxies.Select(p => new[] { $"{p.Kind}/{p.Name}", p.Namespace, p.Version, p.TargetVersion, p.Stale ? "STALE" : p.Version == p.TargetVersion ? "-" : "?", At(p.Location) }));
        var widths = Enumerable.Range(0, ProxyHeader.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
    }

    public static void Json(TextWriter output, IReadOnlyList<DataPlaneVersion> versions, IReadOnlyList<ProxyStatus>? proxies = null)
    {
        var document = new JsonObject
        {
            ["dataPlane"] = versions.Select(v => (JsonNode?)new JsonObject
            {
                ["version"] = v.Version,
                ["proxies"] = v.Proxies,
                ["workloads"] = v.Workloads.ToJsonArray(),
            }).ToJsonArray(),
        };
        if (proxies is not null)
        {
            document["proxies"] = proxies.Select(p => (JsonNode?)new JsonObject
            {
                ["kind"] = p.Kind,
                ["name"] = p.Name,
                ["namespace"] = p.Namespace,
                ["file"] = p.Location.File,
                ["line"] = p.Location.Line,
                ["version"] = p.Version,
                ["targetVersion"] = p.TargetVersion,
                ["stale"] = p.Stale,
            }).ToJsonArray();
        }
        output.WriteLine(JsonOut.Write(document, JsonOut.Relaxed));
    }
}
