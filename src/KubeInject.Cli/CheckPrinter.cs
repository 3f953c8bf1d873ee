using System.Text.Json;
using KubeInject.Checking;

namespace KubeInject.Cli;

/// <summary>Prints <c>check</c> results and <c>version</c> counts as text (a table, then istioctl-analyze-style lines) or JSON.</summary>
internal static class CheckPrinter
{
    // Messages quote values: keep " and ' readable instead of \u0022 (the output is not embedded in HTML).
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
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
            .SelectMany(w => w.Findings.Select(f => (Workload: w, Finding: f)))
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
                output.WriteLine($"{severity} [{code}] ({members[0].Workload.DisplayName} {At(members[0].Finding.Location)}) {message}");
            else
            {
                var locations = members.Select(x => At(x.Finding.Location)).Distinct().ToList();
                output.WriteLine($"{severity} [{code}] {(locations.Count == 1 ? $"({locations[0]}) " : "")}{message}");
                output.WriteLine($"  Workloads: {string.Join(", ", members.Select(x => $"{x.Workload.DisplayName} ({At(x.Workload.Location)})"))}");
            }
            output.WriteLine($"  Fix: {fix}");
        }
        int Count(FindingSeverity s) => groups.Count(g => g.Key.Severity == s);
        output.WriteLine();
        output.WriteLine($"Checked {Plural(result.Workloads.Count, "workload")} against Istio {result.IstioVersion}: " +
            $"{Plural(Count(FindingSeverity.Error), "error")}, {Plural(Count(FindingSeverity.Warning), "warning")}, {Count(FindingSeverity.Info)} info.");
    }

    private static string Plural(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private static string At(Diagnostics.SourceLocation location) => $"{location.File}:{location.Line}";

    public static void Json(TextWriter output, CheckResult result)
    {
        var workloads = result.Workloads.Select(w => new
        {
            kind = w.Kind,
            name = w.Name,
            @namespace = w.Namespace,
            file = w.Location.File,
            line = w.Location.Line,
            wouldInject = w.WouldInject,
            hasSidecar = w.HasSidecar,
            proxyVersion = w.ProxyVersion,
            findings = w.Findings.Select(f => new
            {
                code = f.Code,
                severity = f.Severity.ToString().ToLowerInvariant(),
                message = f.Message,
                fix = f.Fix,
                file = f.Location.File,
                line = f.Location.Line,
            }),
        });
        output.WriteLine(JsonSerializer.Serialize(new { workloads }, Indented));
    }

    public static void Text(TextWriter output, IReadOnlyList<DataPlaneVersion> versions) =>
        output.WriteLine(versions.Count == 0
            ? "data plane version: none (no istio-proxy sidecars in the manifests)"
            : "data plane version: " + string.Join(", ", versions.Select(v => $"{v.Version} ({v.Proxies} proxies)")));

    public static void Json(TextWriter output, IReadOnlyList<DataPlaneVersion> versions) =>
        output.WriteLine(JsonSerializer.Serialize(
            new { dataPlane = versions.Select(v => new { version = v.Version, proxies = v.Proxies, workloads = v.Workloads }) },
            Indented));
}
