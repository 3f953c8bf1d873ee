using static KubeInject.Tests.Cli.CliSandbox;

namespace KubeInject.Tests.Cli;

/// <summary>The Git workflow flags: <c>--check</c>, <c>--diff</c>, <c>--in-place</c>.</summary>
public sealed class CheckAndInPlaceTests : IDisposable
{
    private static readonly DateTime OldTime = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Check_exits_1_when_a_file_would_change_and_leaves_it_untouched()
    {
        var text = Manifests.Deployment();
        var input = sandbox.Write("app.yaml", text);
        File.SetLastWriteTimeUtc(input, OldTime);

        var r = Run("--check", "-f", input);

        Assert.Equal(1, r.Exit);
        Assert.Equal("", r.Stdout);
        Assert.Equal(text, Read(input));
        Assert.Equal(OldTime, File.GetLastWriteTimeUtc(input));
        Assert.Equal(["app.yaml"], Directory.GetFileSystemEntries(sandbox.Dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Check_exits_0_on_already_injected_output()
    {
        var injected = Run("-f", sandbox.Write("app.yaml", Manifests.Deployment())).Stdout;
        var input = sandbox.Write("injected.yaml", injected);

        var r = Run("--check", "-f", input);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Check_exits_0_when_nothing_is_injectable()
    {
        var input = sandbox.Write("cm.yaml", Manifests.ConfigMap + "---\n" + Manifests.Deployment(podSpec: "      hostNetwork: true"));

        var r = Run("--check", input);

        Assert.True(r.Exit == 0, r.ToString());
    }

    [Fact]
    public void Check_with_diff_prints_a_unified_diff_on_stdout_and_exits_1()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());

        var r = Run("--check", "--diff", "-f", input);

        Assert.Equal(1, r.Exit);
        var lines = r.Stdout.Split('\n');
        Assert.Equal($"--- a/{input}", lines[0]);
        Assert.Equal($"+++ b/{input}", lines[1]);
        Assert.Matches(@"^@@ -\d+(,\d+)? \+\d+(,\d+)? @@", lines[2]);
        Assert.Contains("+        - name: istio-proxy", lines);
        Assert.Contains("+        security.istio.io/tlsMode: istio", lines);
        Assert.DoesNotContain("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n", r.Stdout);
    }

    [Fact]
    public void Diff_prints_nothing_for_a_file_that_would_not_change()
    {
        var input = sandbox.Write("cm.yaml", Manifests.ConfigMap);

        var r = Run("--check", "--diff", "-f", input);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void In_place_rewrites_changed_files_and_does_not_touch_unchanged_ones()
    {
        var changed = sandbox.Write("app.yaml", Manifests.Deployment());
        var unchanged = sandbox.Write("cm.yaml", Manifests.ConfigMap);
        File.SetLastWriteTimeUtc(changed, OldTime);
        File.SetLastWriteTimeUtc(unchanged, OldTime);
        var expected = Run("-f", changed).Stdout;

        var r = Run("-i", changed, unchanged);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal("", r.Stdout);
        Assert.Equal(expected, Read(changed));
        Assert.NotEqual(OldTime, File.GetLastWriteTimeUtc(changed));
        Assert.Equal(Manifests.ConfigMap, Read(unchanged));
        Assert.Equal(OldTime, File.GetLastWriteTimeUtc(unchanged));
        Assert.Equal(["app.yaml", "cm.yaml"], Directory.GetFileSystemEntries(sandbox.Dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void In_place_on_already_injected_files_touches_nothing()
    {
        var input = sandbox.Write("app.yaml", Run("-f", sandbox.Write("src.yaml", Manifests.Deployment())).Stdout);
        var before = Read(input);
        File.SetLastWriteTimeUtc(input, OldTime);

        var r = Run("--in-place", input);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(before, Read(input));
        Assert.Equal(OldTime, File.GetLastWriteTimeUtc(input));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void In_place_keeps_the_unix_file_mode()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only");
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(input, mode);

        var r = Run("-i", input);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("- name: istio-proxy", Read(input));
        Assert.Equal(mode, File.GetUnixFileMode(input));
    }

    [Fact]
    public void In_place_over_a_directory_rewrites_only_the_files_that_change()
    {
        var app = sandbox.Write("in/sub/app.yaml", Manifests.Deployment());
        var cm = sandbox.Write("in/cm.yaml", Manifests.ConfigMap);
        File.SetLastWriteTimeUtc(cm, OldTime);

        var r = Run("-i", "-R", sandbox.PathOf("in"));

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("- name: istio-proxy", Read(app));
        Assert.Equal(OldTime, File.GetLastWriteTimeUtc(cm));
        Assert.Equal(["app.yaml"], Directory.GetFileSystemEntries(sandbox.PathOf("in/sub")).Select(Path.GetFileName));
    }

    [Fact]
    public void In_place_with_a_bad_file_keeps_it_and_still_rewrites_the_good_one()
    {
        var good = sandbox.Write("a.yaml", Manifests.Deployment());
        var badText = Manifests.Deployment(podAnnotations: "        inject.istio.io/templates: x");
        var bad = sandbox.Write("b.yaml", badText);

        var r = Run("-i", good, bad);

        Assert.Equal(65, r.Exit);
        Assert.Contains("- name: istio-proxy", Read(good));
        Assert.Equal(badText, Read(bad));
        Assert.Equal(["a.yaml", "b.yaml"], Directory.GetFileSystemEntries(sandbox.Dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
