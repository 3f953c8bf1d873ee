using KubeInject.Tests.Golden;
using static KubeInject.Tests.Cli.CliSandbox;
using static KubeInject.Tests.Golden.Verifier;

namespace KubeInject.Tests.Cli;

/// <summary>End-to-end runs over the bundled samples: idempotence and the <c>--diff</c> golden file.</summary>
public sealed class CliTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Theory]
    [InlineData("httpbin.yaml")]
    [InlineData("sleep.yaml")]
    public void Running_on_its_own_output_changes_nothing_byte_for_byte(string sample)
    {
        var first = sandbox.PathOf("first.yaml");
        var second = sandbox.PathOf("second.yaml");

        var r1 = Run("-f", Sample(sample), "-o", first);
        var r2 = Run("-f", first, "-o", second);
        var check = Run("--check", first);

        Assert.True(r1.Exit == 0, r1.ToString());
        Assert.True(r2.Exit == 0, r2.ToString());
        Assert.NotEqual(File.ReadAllBytes(Sample(sample)), File.ReadAllBytes(first));
        Assert.Contains("- name: istio-proxy", Read(first));
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.True(check.Exit == 0, check.ToString());
    }

    [Theory]
    [InlineData("httpbin.yaml")]
    [InlineData("sleep.yaml")]
    public void In_place_twice_leaves_the_file_as_the_first_run_wrote_it(string sample)
    {
        var input = sandbox.Write(sample, Read(Sample(sample)));
        Assert.Equal(0, Run("-i", input).Exit);
        var once = File.ReadAllBytes(input);
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(input, stamp);

        var r = Run("-i", input);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(once, File.ReadAllBytes(input));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(input));
    }

    [Theory]
    [InlineData("httpbin.yaml")]
    [InlineData("sleep.yaml")]
    public void The_diff_applied_to_the_input_gives_the_injected_output(string sample)
    {
        var input = Sample(sample);
        var injected = Run("-f", input).Stdout;

        var diff = Run("--diff", "-f", input);

        Assert.True(diff.Exit == 0, diff.ToString());
        Assert.Equal(injected, UnifiedDiffApplier.Apply(Read(input), diff.Stdout));
    }

    [Fact]
    public async Task Diff_of_sleep_sample_only_adds_lines()
    {
        var root = RepoRoot();
        var r = Run("--diff", "-f", Sample("sleep.yaml"));

        Assert.True(r.Exit == 0, r.ToString());
        var diff = r.Stdout.Replace(root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Replace('\\', '/');
        var lines = diff.Split('\n');
        Assert.Equal("--- a/samples/sleep.yaml", lines[0]);
        Assert.Equal("+++ b/samples/sleep.yaml", lines[1]);
        // Injection adds labels, annotations, the proxy, the init container and volumes to the sleep pod and
        // changes none of the user's lines.
        Assert.DoesNotContain(lines.Skip(2), l => l.StartsWith('-'));
        Assert.Contains("+        security.istio.io/tlsMode: istio", lines);
        Assert.Contains("+        service.istio.io/canonical-name: sleep", lines);
        Assert.Contains("+      annotations:", lines);
        Assert.Contains("+        kubectl.kubernetes.io/default-container: sleep", lines);
        Assert.Contains("+        - name: istio-proxy", lines);
        Assert.Contains("+      initContainers:", lines);
        Assert.Contains("+        - name: istio-init", lines);
        Assert.Contains("+        - name: istiod-ca-cert", lines);
        // User lines are context: the user's container and volume stay as they were.
        Assert.Contains("         - name: secret-volume", lines);
        Assert.Contains("               name: secret-volume", lines);

        await Verify(diff, "diff").UseFileName("CliTests.Diff_of_sleep_sample");
    }

    [Fact]
    public void No_verified_file_of_this_class_is_dangling() =>
        Assert.Empty(DanglingSnapshots.Find(".", stem => !stem.StartsWith("CliTests.", StringComparison.Ordinal) || stem == "CliTests.Diff_of_sleep_sample"));
}
