using KubeInject.Tests.Cli;
using static KubeInject.Tests.Cli.CliSandbox;

namespace KubeInject.Tests.Uninjection;

/// <summary>
/// The seed's upgrade story, end to end through the CLI on our samples: httpbin and sleep pre-injected with Istio
/// 1.22.4; the control plane moves to 1.23.0; <c>check</c> finds both sidecars stale; an in-place re-injection
/// upgrades them; <c>check</c> is then clean and <c>version</c> counts two 1.23.0 proxies.
/// </summary>
public sealed class UpgradeScenarioTests : IDisposable
{
    private static readonly string[] Labelled = ["--namespace-labels", "default=istio-injection=enabled"];

    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Sidecars_injected_with_1_22_4_are_reported_stale_then_upgraded_in_place_to_1_23_0()
    {
        var httpbin = sandbox.Write("gitops/httpbin.yaml", File.ReadAllText(Sample("httpbin.yaml")));
        var sleep = sandbox.Write("gitops/sleep.yaml", File.ReadAllText(Sample("sleep.yaml")));
        var folder = sandbox.PathOf("gitops");

        var first = Run("--istio-version", "1.22.4", "-i", folder);
        Assert.True(first.Exit == 0, first.ToString());
        Assert.Contains("image: docker.io/istio/proxyv2:1.22.4", Read(httpbin));

        var stale = Run(["check", folder, "--istio-version", "1.23.0", "--fail-on", "warning", .. Labelled]);
        Assert.True(stale.Exit == 79, stale.ToString());
        Assert.Equal(2, CountOf(stale.Stdout, "Warning [IST0158]"));
        Assert.Contains("the manifest's istio-proxy is Istio 1.22.4 (docker.io/istio/proxyv2:1.22.4), but the target is Istio 1.23.0", stale.Stdout);

        var upgrade = Run("--istio-version", "1.23.0", "-i", folder);
        Assert.True(upgrade.Exit == 0, upgrade.ToString());
        Assert.Contains("Deployment default/httpbin: injected (docker.io/istio/proxyv2:1.23.0)", upgrade.Stderr);

        // The upgrade is what injecting the pristine samples with 1.23.0 gives, byte for byte.
        Assert.Equal(Run("--istio-version", "1.23.0", Sample("httpbin.yaml")).Stdout, Read(httpbin));
        Assert.Equal(Run("--istio-version", "1.23.0", Sample("sleep.yaml")).Stdout, Read(sleep));

        var clean = Run(["check", folder, "--istio-version", "1.23.0", "--fail-on", "warning", "--expect-injected", .. Labelled]);
        Assert.True(clean.Exit == 0, clean.ToString());
        Assert.DoesNotContain("IST0158", clean.Stdout);
        Assert.Contains("0 errors, 0 warnings", clean.Stdout);

        var version = Run("version", folder);
        Assert.True(version.Exit == 0, version.ToString());
        Assert.StartsWith("client version: ", version.Stdout);
        Assert.EndsWith("\ndata plane version: 1.23.0 (2 proxies)\n", version.Stdout);

        var again = Run("--istio-version", "1.23.0", "--check", folder);
        Assert.True(again.Exit == 0, again.ToString());
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
