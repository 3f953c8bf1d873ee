using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using KubeInject.Tests.Cli;
using static KubeInject.Tests.Checking.CheckFixtures;
using static KubeInject.Tests.Cli.CliSandbox;

namespace KubeInject.Tests.Checking;

/// <summary>
/// <c>check -o sarif</c> writes logs that the official SARIF 2.1.0 schema (OASIS, shipped in Schemas/ with its
/// provenance) accepts, so GitHub code scanning and other SARIF viewers take them; and the schema check is strict
/// enough to reject a log that breaks it.
/// </summary>
public sealed class SarifSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "Checking", "Schemas", "sarif-schema-2.1.0.json");

    // Built once per process: the schema is large, and building registers its $id in the global schema registry.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.Build(JsonSerializer.SerializeToElement(Corrected(File.ReadAllText(SchemaPath)))));

    // "format" (uri, uri-reference) is only an annotation by default; SARIF consumers rely on it, so it is checked.
    private static readonly EvaluationOptions Strict = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private static readonly string[] Target = ["--istio-version", "1.23.0"];

    public static TheoryData<string> Runs() => new(["every finding", "findings that fail the run", "no findings"]);

    private static CliResult RunCheck(string run) => run switch
    {
        // The golden CheckFormatTests.Every_finding_as_sarif: every finding code, exit 0.
        "every finding" => Run(["check", "-o", "sarif", Fixture("findings.yaml"), "--namespace-labels", "canary-ns=istio.io/rev=canary", .. Target]),
        // Errors (exit 79) and a sample from another folder.
        "findings that fail the run" => Run(["check", "-o", "sarif", "--expect-injected", Fixture("findings.yaml"), Sample("httpbin.yaml"), .. Target]),
        // A workload injected with the version it is checked against: an empty results array.
        "no findings" => Run(["check", "-o", "sarif", Fixture("httpbin-1.22.4.yaml"), "--istio-version", "1.22.4"]),
        _ => throw new ArgumentOutOfRangeException(nameof(run), run, null),
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void The_log_validates_against_the_sarif_2_1_0_schema(string run)
    {
        var (exit, stdout, stderr) = RunCheck(run);
        Assert.True(exit is 0 or 79, $"exit {exit}: {stderr}");
        var log = JsonSerializer.Deserialize<JsonElement>(stdout);
        var result = Schema.Value.Evaluate(log, Strict);
        Assert.True(result.IsValid, Errors(result));
    }

    [Fact]
    public void The_runs_cover_results_and_an_empty_results_array()
    {
        static int Results(string run) => JsonNode.Parse(RunCheck(run).Stdout)!["runs"]![0]!["results"]!.AsArray().Count;
        Assert.True(Results("every finding") > 0);
        Assert.Equal(0, Results("no findings"));
    }

    [Fact]
    public void A_path_with_spaces_and_a_hash_is_an_escaped_valid_uri()
    {
        using var sandbox = new CliSandbox();
        var file = sandbox.Write("my app#1/sleep.yaml", Read(Sample("sleep.yaml")));
        var (_, stdout, _) = Run(["check", "-o", "sarif", file, .. Target]);
        var log = JsonSerializer.Deserialize<JsonElement>(stdout);
        var result = Schema.Value.Evaluate(log, Strict);
        Assert.True(result.IsValid, Errors(result));
        Assert.Contains("my%20app%231/sleep.yaml", stdout);
    }

    public static TheoryData<string> Breakages() => new(
    [
        "no version",
        "no runs",
        "a version SARIF does not have",
        "a result without a message",
        "a level SARIF does not have",
        "a region starting at line 0",
        "a region without a start",
        "a rule without an id",
        "a property SARIF does not have",
    ]);

    /// <summary>
    /// Each breakage of our own valid log fails: the top-level ones show the check runs at all, the nested ones that
    /// the schema's <c>$ref</c>s into <c>definitions</c> are followed (an unresolved reference would accept anything).
    /// </summary>
    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_log_that_breaks_the_schema_fails(string breakage)
    {
        var log = JsonNode.Parse(RunCheck("every finding").Stdout)!.AsObject();
        Assert.True(Schema.Value.Evaluate(JsonSerializer.SerializeToElement(log), Strict).IsValid);
        var run = log["runs"]![0]!.AsObject();
        var firstResult = run["results"]![0]!.AsObject();
        switch (breakage)
        {
            case "no version": log.Remove("version"); break;
            case "no runs": log.Remove("runs"); break;
            case "a version SARIF does not have": log["version"] = "2.2.0"; break;
            case "a result without a message": firstResult.Remove("message"); break;
            case "a level SARIF does not have": firstResult["level"] = "fatal"; break;
            case "a region starting at line 0": firstResult["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0; break;
            case "a region without a start": firstResult["locations"]![0]!["physicalLocation"]!["region"]!.AsObject().Remove("startLine"); break;
            case "a rule without an id": run["tool"]!["driver"]!["rules"]![0]!.AsObject().Remove("id"); break;
            case "a property SARIF does not have": run["toolVersion"] = "1.0"; break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
        Assert.False(Schema.Value.Evaluate(JsonSerializer.SerializeToElement(log), Strict).IsValid, breakage);
    }

    [Fact]
    public void The_shipped_schema_is_the_sarif_2_1_0_schema()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        Assert.Equal("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema", (string?)schema["title"]);
        Assert.Equal("https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json", (string?)schema["$id"]);
        Assert.Equal(["version", "runs"], schema["required"]!.AsArray().Select(n => (string?)n));
        // The copy is exact (the hash in sarif-schema-2.1.0.source.md; line ends as git may check them out).
        var text = File.ReadAllText(SchemaPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal("ad389db5a66fad5c131178b0e1f18600ac625616cd5ea20a00ee8ee246dc7069",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))));
    }

    /// <summary>
    /// The schema text with its one known defect corrected: this revision nests region's
    /// <c>"anyOf": [{required: [startLine]}, {required: [charOffset]}, {required: [byteOffset]}]</c> inside
    /// <c>properties</c>, where an array is not a schema (JsonSchema.Net refuses to build it); it moves up beside
    /// <c>properties</c>, where its authors meant it (a region has a start). The shipped file stays byte for byte.
    /// </summary>
    private static JsonNode Corrected(string schemaText)
    {
        var schema = JsonNode.Parse(schemaText)!;
        var region = schema["definitions"]!["region"]!.AsObject();
        var properties = region["properties"]!.AsObject();
        if (properties["anyOf"] is JsonArray anyOf)
        {
            properties.Remove("anyOf");
            region["anyOf"] = anyOf;
        }
        return schema;
    }

    // The first errors of the list output (it also lists the failed branches of anyOf alternatives that passed).
    private static string Errors(EvaluationResults result) =>
        string.Join('\n', (result.Details ?? []).Where(d => !d.IsValid && d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")).Take(40));
}
