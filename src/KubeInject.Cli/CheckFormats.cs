using System.Text.Json.Nodes;
using KubeInject.Checking;
using KubeInject.Diagnostics;

namespace KubeInject.Cli;

/// <summary>
/// <c>check</c>'s outputs for code-review tools: SARIF 2.1.0 (GitHub code scanning and other viewers) and GitHub
/// Actions workflow commands (annotations on the pull request's files).
/// </summary>
internal static class CheckFormats
{
    private const string SarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Every finding, with the object it is about, in output order (workloads, then policies).</summary>
    private static IEnumerable<(string Owner, Finding Finding)> Findings(CheckResult result) =>
        result.Workloads.SelectMany(w => w.Findings.Select(f => (w.DisplayName, f)))
            .Concat(result.Policies.SelectMany(p => p.Findings.Select(f => (p.DisplayName, f))));

    /// <summary>One SARIF 2.1.0 log with one run: the rules are every finding code, the results the findings.</summary>
    public static void Sarif(TextWriter output, CheckResult result, string toolVersion)
    {
        var rules = FindingRules.All;
        var index = rules.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var results = Findings(result).Select(x => (JsonNode?)new JsonObject
        {
            ["ruleId"] = x.Finding.Code,
            ["ruleIndex"] = index.GetValueOrDefault(x.Finding.Code, -1),
            ["level"] = Level(x.Finding.Severity),
            ["message"] = new JsonObject { ["text"] = $"{x.Owner}: {x.Finding.Message}. Fix: {x.Finding.Fix}" },
            ["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = PhysicalLocation(x.Finding.Location) }),
        });
        var log = new JsonObject
        {
            ["$schema"] = SarifSchema,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "kube-inject",
                        ["semanticVersion"] = toolVersion,
                        ["rules"] = rules.Select(r => (JsonNode?)new JsonObject
                        {
                            ["id"] = r.Code,
                            ["name"] = r.Name,
                            ["shortDescription"] = new JsonObject { ["text"] = r.Description },
                            ["help"] = new JsonObject { ["text"] = r.Help },
                            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(r.Severity) },
                        }).ToJsonArray(),
                    },
                },
                ["properties"] = new JsonObject { ["istioVersion"] = result.IstioVersion },
                ["results"] = results.ToJsonArray(),
            }),
        };
        output.WriteLine(JsonOut.Write(log, JsonOut.Relaxed));
    }

    /// <summary>SARIF's levels: error, warning, note.</summary>
    private static string Level(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "note",
    };

    private static JsonObject PhysicalLocation(SourceLocation location)
    {
        var physical = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = Uri(location.File) } };
        if (location.Line <= 0) return physical;
        var region = new JsonObject { ["startLine"] = location.Line };
        if (location.Column > 0) region["startColumn"] = location.Column;
        physical["region"] = region;
        return physical;
    }

    /// <summary>A relative URI reference for a relative path (segments escaped), a <c>file:</c> URI for an absolute one.</summary>
    internal static string Uri(string path)
    {
        string escaped = string.Join('/', path.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));
        return Path.IsPathRooted(path) ? "file://" + (escaped.StartsWith('/') ? "" : "/") + escaped : escaped;
    }

    /// <summary>
    /// One GitHub Actions workflow command per finding (<c>::error</c>, <c>::warning</c>, <c>::notice</c>), which
    /// annotates the file and line in the pull request.
    /// </summary>
    public static void GitHub(TextWriter output, CheckResult result)
    {
        // A namespace-level finding repeats on each of its workloads: one annotation, naming how many it concerns.
        foreach (var group in Findings(result).GroupBy(x => x.Finding))
        {
            var f = group.Key;
            var owners = group.Select(x => x.Owner).Distinct().ToList();
            string command = f.Severity switch { FindingSeverity.Error => "error", FindingSeverity.Warning => "warning", _ => "notice" };
            var properties = new List<string> { $"file={Property(f.Location.File)}" };
            if (f.Location.Line > 0) properties.Add($"line={f.Location.Line}");
            if (f.Location.Line > 0 && f.Location.Column > 0) properties.Add($"col={f.Location.Column}");
            properties.Add($"title={Property(owners.Count == 1 ? $"{f.Code} {owners[0]}" : $"{f.Code} ({owners.Count} workloads: {string.Join(", ", owners)})")}");
            output.WriteLine($"::{command} {string.Join(',', properties)}::{Data($"{f.Message}. Fix: {f.Fix}")}");
        }
    }

    // The escaping of GitHub's toolkit (@actions/core, command.ts): data escapes % CR LF; properties also : and ,.
    private static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
}
