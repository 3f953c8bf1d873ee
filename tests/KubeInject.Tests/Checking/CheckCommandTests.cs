using KubeInject.Tests.Golden;
using static KubeInject.Tests.Checking.CheckFixtures;
using static KubeInject.Tests.Cli.CliSandbox;
using static KubeInject.Tests.Golden.Verifier;

namespace KubeInject.Tests.Checking;

/// <summary>
/// Golden tests of <c>kube-inject check</c> and <c>kube-inject version</c>: the seed scenario (httpbin and sleep in an
/// unlabelled <c>default</c> namespace, then labelled, then injected with 1.22.4 and checked against 1.23.0), and a
/// fixture with every finding. Versions are explicit so that bundling a newer Istio does not change the snapshots.
/// </summary>
public sealed class CheckCommandTests
{
    private static readonly string[] Target = ["--istio-version", "1.23.0"];

    private static SettingsTask VerifyOutput(string output, string extension = "txt", [System.Runtime.CompilerServices.CallerMemberName] string method = "") =>
        Verify(output, extension, method: method).AddScrubber(ScrubPaths);

    [Fact]
    public async Task Seed_1_unlabelled_default_namespace_will_not_be_injected()
    {
        var (exit, stdout, stderr) = Run(["check", Sample("httpbin.yaml"), Sample("sleep.yaml"), .. Target]);
        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        await VerifyOutput(stdout);
    }

    [Fact]
    public async Task Seed_2_labelled_namespace_the_webhook_injects()
    {
        var (exit, stdout, _) = Run(["check", Sample("httpbin.yaml"), Sample("sleep.yaml"), "--namespace-labels", "default=istio-injection=enabled", .. Target]);
        Assert.Equal(0, exit);
        await VerifyOutput(stdout);
    }

    [Fact]
    public async Task Seed_3_injected_with_1_22_4_checked_against_1_23_0_has_stale_sidecars()
    {
        var (exit, stdout, _) = Run(["check", Fixture("httpbin-1.22.4.yaml"), Fixture("sleep-1.22.4.yaml"), "--namespace-labels", "default=istio-injection=enabled", .. Target]);
        Assert.Equal(0, exit);
        await VerifyOutput(stdout);
    }

    [Fact]
    public async Task Seed_3_as_json()
    {
        var (exit, stdout, _) = Run(["check", "-o", "json", Fixture("httpbin-1.22.4.yaml"), Fixture("sleep-1.22.4.yaml"), "--namespace-labels", "default=istio-injection=enabled", .. Target]);
        Assert.Equal(0, exit);
        await VerifyOutput(stdout, "json");
    }

    [Fact]
    public void Seed_3_fails_with_79_when_warnings_fail()
    {
        var (exit, _, _) = Run(["check", "--fail-on", "warning", Fixture("httpbin-1.22.4.yaml"), Fixture("sleep-1.22.4.yaml"), .. Target]);
        Assert.Equal(79, exit);
    }

    [Fact]
    public async Task Seed_version_counts_proxies_by_version()
    {
        var (exit, stdout, _) = Run("version", Fixture("httpbin-1.22.4.yaml"), Fixture("sleep-1.22.4.yaml"), Fixture("findings.yaml"), Sample("httpbin.yaml"));
        Assert.Equal(0, exit);
        // The tool's own version changes with every release; the golden holds the census.
        await VerifyOutput(stdout).ScrubLinesWithReplace(l => l.StartsWith("client version: ", StringComparison.Ordinal) ? "client version: {scrubbed}" : l);
    }

    [Fact]
    public async Task Seed_version_as_json()
    {
        var (exit, stdout, _) = Run("version", "-o", "json", Fixture("httpbin-1.22.4.yaml"), Fixture("sleep-1.22.4.yaml"), Fixture("findings.yaml"));
        Assert.Equal(0, exit);
        await VerifyOutput(stdout, "json");
    }

    [Fact]
    public async Task Every_finding()
    {
        var (exit, stdout, _) = Run(["check", Fixture("findings.yaml"), "--namespace-labels", "canary-ns=istio.io/rev=canary", .. Target]);
        Assert.Equal(0, exit);
        await VerifyOutput(stdout);
    }

    [Fact]
    public async Task Every_finding_as_json()
    {
        var (exit, stdout, _) = Run(["check", "--output", "json", Fixture("findings.yaml"), "--namespace-labels", "canary-ns=istio.io/rev=canary", .. Target]);
        Assert.Equal(0, exit);
        await VerifyOutput(stdout, "json");
    }

    [Fact]
    public async Task Expect_injected_makes_missing_and_stale_sidecars_errors()
    {
        var (exit, stdout, _) = Run(["check", "--expect-injected", Fixture("findings.yaml"), Sample("httpbin.yaml"), .. Target]);
        Assert.Equal(79, exit);
        await VerifyOutput(stdout);
    }

    [Fact]
    public async Task A_revision_uses_the_revision_webhooks()
    {
        var (exit, stdout, _) = Run(["check", "-r", "canary", Fixture("findings.yaml"), "--namespace-labels", "canary-ns=istio.io/rev=canary", .. Target]);
        Assert.Equal(0, exit);
        await VerifyOutput(stdout);
    }

    [Fact]
    public async Task A_webhook_configuration_in_the_input_replaces_the_stock_selectors()
    {
        var (exit, stdout, _) = Run(["check", Fixture("webhook.yaml"), .. Target]);
        Assert.Equal(0, exit);
        await VerifyOutput(stdout);
    }

    [Fact]
    public void Unparseable_input_exits_65_naming_the_line()
    {
        var (exit, stdout, stderr) = Run("check", Fixture("bad.yaml.txt"));
        Assert.Equal(65, exit);
        Assert.Empty(stdout);
        Assert.Contains("bad.yaml.txt:4:1 (document 1): invalid YAML", stderr);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "--namespace-labels", "justaname")]
    [InlineData("check", "--namespace-labels", "ns=novalue")]
    [InlineData("check", "--fail-on", "never")]
    [InlineData("check", "--istio-version", "1.2")]
    [InlineData("check", "--bogus")]
    public void Bad_command_lines_exit_64(params string[] args)
    {
        var withInput = args.Length > 1 ? [.. args, Sample("httpbin.yaml")] : args;
        Assert.Equal(64, Run(withInput).Exit);
    }

    [Fact]
    public void A_missing_input_exits_66() => Assert.Equal(66, Run("check", Fixture("nope.yaml")).Exit);

    [Fact]
    public void The_root_command_still_injects()
    {
        var (exit, stdout, _) = Run("-f", Sample("httpbin.yaml"), "--report", "none");
        Assert.Equal(0, exit);
        Assert.Contains("name: istio-proxy", stdout);
    }

    [Fact]
    public void No_snapshot_of_this_class_is_dangling() =>
        Assert.Empty(DanglingSnapshots.FindForTestClass(typeof(CheckCommandTests)));
}
