using System.Reflection;
using System.Text.Json;
using KubeInject.Checking;
using KubeInject.Cli;
using KubeInject.Tests.Golden;
using static KubeInject.Tests.Checking.CheckFixtures;
using static KubeInject.Tests.Cli.CliSandbox;
using static KubeInject.Tests.Golden.Verifier;

namespace KubeInject.Tests.Checking;

/// <summary><c>check -o sarif</c> (SARIF 2.1.0) and <c>check -o github</c> (GitHub Actions workflow commands).</summary>
public sealed class CheckFormatTests
{
    private static readonly string[] Target = ["--istio-version", "1.23.0"];

    private static SettingsTask VerifyOutput(string output, string extension = "txt", [System.Runtime.CompilerServices.CallerMemberName] string method = "") =>
        Verify(output, extension, method: method)
            .AddScrubber(b => b.Replace("file://" + Fixtures + Path.DirectorySeparatorChar, "").Replace("file://" + CheckFixtures.Samples, "samples"))
            .AddScrubber(ScrubPaths)
            .ScrubLinesWithReplace(l => l.TrimStart().StartsWith("\"semanticVersion\": ", StringComparison.Ordinal) ? "          \"semanticVersion\": \"{scrubbed}\"," : l);

    [Fact]
    public async Task Every_finding_as_sarif()
    {
        var (exit, stdout, stderr) = Run(["check", "-o", "sarif", Fixture("findings.yaml"), "--namespace-labels", "canary-ns=istio.io/rev=canary", .. Target]);
        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        await VerifyOutput(stdout, "json");
    }

    [Fact]
    public async Task Every_finding_as_github_annotations()
    {
        var (exit, stdout, _) = Run(["check", "-o", "github", Fixture("findings.yaml"), "--namespace-labels", "canary-ns=istio.io/rev=canary", .. Target]);
        Assert.Equal(0, exit);
        await VerifyOutput(stdout);
    }

    [Fact]
    public void Sarif_results_point_at_their_rules_and_lines()
    {
        var (_, stdout, _) = Run(["check", "-o", "sarif", "--expect-injected", Fixture("findings.yaml"), Sample("httpbin.yaml"), .. Target]);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        var run = doc.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            var rule = rules[r.GetProperty("ruleIndex").GetInt32()];
            Assert.Equal(r.GetProperty("ruleId").GetString(), rule.GetProperty("id").GetString());
            Assert.Contains(r.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            var region = r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("help").GetProperty("text").GetString()));
        }
        Assert.Contains(results, r => r.GetProperty("level").GetString() == "error");
    }

    [Fact]
    public void Every_finding_code_is_a_rule_once()
    {
        var codes = typeof(FindingCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).Order().ToList();
        Assert.Equal(codes, FindingRules.All.Select(r => r.Code).Order().ToList());
    }

    [Fact]
    public void Relative_paths_are_relative_uris_and_absolute_ones_file_uris()
    {
        Assert.Equal("mesh/my%20app.yaml", CheckFormats.Uri("mesh/my app.yaml"));
        Assert.Equal("file:///tmp/a.yaml", CheckFormats.Uri("/tmp/a.yaml"));
    }

    [Fact]
    public void GitHub_commands_escape_their_properties_and_data()
    {
        var result = new CheckResult("1.23.0", [
            new WorkloadCheck("Deployment", "a", "default", new KubeInject.Diagnostics.SourceLocation("dir,x/a:b.yaml", 0, 3, 1), false, false, null, [
                new Finding("KI0004", FindingSeverity.Error, "100% refused\nreally", "fix it", new KubeInject.Diagnostics.SourceLocation("dir,x/a:b.yaml", 0, 3, 1)),
            ]),
        ]);
        var output = new StringWriter { NewLine = "\n" };
        CheckFormats.GitHub(output, result);
        Assert.Equal("::error file=dir%2Cx/a%3Ab.yaml,line=3,col=1,title=KI0004 Deployment default/a::100%25 refused%0Areally. Fix: fix it\n", output.ToString());
    }

    [Fact]
    public void The_seed_fails_the_pull_request_in_every_format()
    {
        foreach (var format in new[] { "text", "json", "sarif", "github" })
        {
            var (exit, stdout, _) = Run(["check", "-o", format, Sample("sleep.yaml"), Sample("httpbin.yaml"), "--expect-injected", .. Target]);
            Assert.Equal(79, exit);
            Assert.Contains("KI0001", stdout);
        }
    }

    [Fact]
    public void No_snapshot_of_this_class_is_dangling() =>
        Assert.Empty(DanglingSnapshots.FindForTestClass(typeof(CheckFormatTests)));
}
