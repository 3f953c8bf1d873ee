using KubeInject.Cli;
using KubeInject.Tests.Cli;
using static KubeInject.Tests.Cli.CliSandbox;

namespace KubeInject.Tests.Hostile;

/// <summary>
/// Issue 12, faults: output that cannot be written is exit 74 naming the path and the OS error; symlinks and
/// devices are written through; stale temp files go; -R follows each real directory once and skips what is not a
/// regular file; flags that would be ignored are usage errors.
/// </summary>
public sealed class FaultTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private static bool OnUnix => !OperatingSystem.IsWindows();

    // ---- output errors: 74 ----

    private sealed class FullDiskWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(ReadOnlySpan<char> buffer) => throw new IOException("No space left on device");
    }

    [Theory]
    [InlineData("-f")]
    [InlineData("check")]
    [InlineData("version")]
    public void A_stdout_that_cannot_be_written_is_exit_74_naming_stdout(string command)
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        var stderr = new StringWriter();

        var second = sandbox.Write("second.yaml", Manifests.Deployment("second"));

        int exit = KubeInjectApp.Run(command == "-f" ? ["-f", input, "-f", second] : [command, input, second],
            new CliContext(new StringReader(""), new FullDiskWriter(), stderr, new Dictionary<string, string>()));

        Assert.True(exit == 74, stderr.ToString());
        Assert.Contains("kube-inject: error: stdout: cannot write: No space left on device", stderr.ToString());
        Assert.Single(stderr.ToString().Split('\n'), l => l.Contains("cannot write", StringComparison.Ordinal));
        Assert.DoesNotContain("internal error", stderr.ToString());
    }

    [Fact]
    public void Output_onto_dev_full_is_exit_74_naming_the_path_and_the_os_error()
    {
        Assert.SkipUnless(File.Exists("/dev/full"), "needs /dev/full");
        var input = sandbox.Write("app.yaml", Manifests.Deployment());

        var r = Run("-f", input, "-o", "/dev/full");

        Assert.True(r.Exit == 74, r.ToString());
        Assert.Contains("/dev/full: cannot write: No space left on device", r.Stderr);
    }

    [Fact]
    public void Output_under_a_path_that_is_a_file_is_exit_74_and_leaves_no_temp_file()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        var blocker = sandbox.Write("out", "not a folder\n");

        var r = Run("-f", input, "-o", Path.Combine(blocker, "app.yaml"));

        Assert.True(r.Exit == 74, r.ToString());
        Assert.Contains(Path.Combine(blocker, "app.yaml") + ": cannot write:", r.Stderr);
        Assert.Equal("not a folder\n", Read(blocker));
        Assert.Empty(Directory.GetFiles(sandbox.Dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Output_into_a_read_only_folder_is_exit_74()
    {
        Assert.SkipUnless(OnUnix && Environment.UserName != "root", "needs a user that permissions apply to (not root)");
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        var folder = Directory.CreateDirectory(sandbox.PathOf("ro")).FullName;
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var r = Run("-f", input, "-o", Path.Combine(folder, "app.yaml"));

            Assert.True(r.Exit == 74, r.ToString());
            Assert.Contains("cannot write:", r.Stderr);
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void The_readme_exit_code_table_lists_every_exit_code()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        var table = readme[readme.IndexOf("### Exit codes", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", table.IndexOf("| code |", StringComparison.Ordinal), StringComparison.Ordinal)];
        var codes = typeof(ExitCodes).GetFields().Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!).ToList();

        Assert.Contains(74, codes);
        foreach (var code in codes) Assert.Contains($"\n| {code} |", table);
        Assert.Equal(codes.Count, table.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\| \d+ \|")));
    }

    // ---- symlinks, devices, temp files ----

    [Fact]
    public void Output_onto_dev_null_writes_through_and_leaves_the_device_alone()
    {
        Assert.SkipUnless(OnUnix && File.Exists("/dev/null"), "needs /dev/null");
        var input = sandbox.Write("app.yaml", Manifests.Deployment());

        var r = Run("-f", input, "-o", "/dev/null");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(Posix.FileKind.Other, Posix.KindOf("/dev/null"));
    }

    [Fact]
    public async Task Output_onto_a_fifo_writes_through_it()
    {
        Assert.SkipUnless(OnUnix && File.Exists("/usr/bin/mkfifo"), "needs mkfifo");
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        var fifo = sandbox.PathOf("out.yaml");
        System.Diagnostics.Process.Start("/usr/bin/mkfifo", [fifo])!.WaitForExit();
        var reader = Task.Run(() => File.ReadAllText(fifo), TestContext.Current.CancellationToken);

        var r = Run("-f", input, "-o", fifo, "--report", "none");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("istio-proxy", await reader);
        Assert.Equal(Posix.FileKind.Other, Posix.KindOf(fifo));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void In_place_on_a_symlink_updates_the_target_keeps_the_link_and_the_mode()
    {
        Assert.SkipUnless(OnUnix, "symlinks and modes");
        var real = sandbox.Write("real/app.yaml", Manifests.Deployment());
        File.SetUnixFileMode(real, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var link = sandbox.PathOf("app.yaml");
        File.CreateSymbolicLink(link, "real/app.yaml");

        var r = Run("-i", link);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal("real/app.yaml", new FileInfo(link).LinkTarget);
        Assert.Contains("istio-proxy", Read(real));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(real));
        Assert.Empty(Directory.GetFiles(sandbox.Dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void In_place_on_a_file_with_several_hard_links_keeps_them()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/bin/ln"), "hard links (Linux)");
        string original = Manifests.Deployment();
        var input = sandbox.Write("app.yaml", original);
        var other = sandbox.PathOf("other-name.yaml");
        System.Diagnostics.Process.Start("/bin/ln", [input, other])!.WaitForExit();
        Assert.True(File.Exists(other));

        var injected = Run("-i", input);

        Assert.True(injected.Exit == 0, injected.ToString());
        Assert.Contains("istio-proxy", Read(input));
        Assert.Equal(Read(input), Read(other)); // one file under two names, not two files
        Assert.Empty(Directory.GetFiles(sandbox.Dir, "*.tmp", SearchOption.AllDirectories));

        // Shorter content: what was there is cut, not left behind the new end.
        var uninjected = Run("uninject", "-i", other);

        Assert.True(uninjected.Exit == 0, uninjected.ToString());
        Assert.Equal(original, Read(other));
        Assert.Equal(original, Read(input));
    }

    [Fact]
    public void In_place_on_a_file_with_one_link_still_replaces_it_by_rename()
    {
        // The common case keeps the atomic temp-file-and-rename: the name then holds a new file (a new inode).
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/usr/bin/stat"), "inodes (Linux)");
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        string inode = Inode(input);

        var r = Run("-i", input);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("istio-proxy", Read(input));
        Assert.NotEqual(inode, Inode(input));
    }

    private static string Inode(string path)
    {
        var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        string inode = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return inode;
    }

    [Fact]
    public void In_place_keeps_the_owner_of_a_file_when_the_os_allows_it()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.UserName == "root", "needs root to give a file away");
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        var chown = System.Diagnostics.Process.Start("/bin/chown", ["65534:65534", input])!;
        chown.WaitForExit();
        Assert.Equal(((uint)65534, (uint)65534), Posix.OwnerOf(input));

        var r = Run("-i", input);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("istio-proxy", Read(input));
        Assert.Equal(((uint)65534, (uint)65534), Posix.OwnerOf(input));
    }

    [Fact]
    public void Output_onto_a_symlink_writes_the_file_it_points_to()
    {
        Assert.SkipUnless(OnUnix, "symlinks");
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        var real = sandbox.Write("out/real.yaml", "old\n");
        var link = sandbox.PathOf("out.yaml");
        File.CreateSymbolicLink(link, real);

        var r = Run("-f", input, "-o", link);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.Contains("istio-proxy", Read(real));
    }

    [Fact]
    public void A_stale_temp_file_of_a_dead_process_is_removed_and_a_live_ones_is_kept()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "pid 1 is running");
        var input = sandbox.Write("app.yaml", Manifests.Deployment());
        var output = sandbox.PathOf("out/app.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        // A pid above the kernel's maximum is never running; pid 1 always is.
        var stale = sandbox.Write("out/.app.yaml.kube-inject.2147483646.tmp", "half");
        var live = sandbox.Write("out/.app.yaml.kube-inject.1.tmp", "running");
        var other = sandbox.Write("out/.other.yaml.kube-inject.2147483646.tmp", "not this target's");

        var r = Run("-f", input, "-o", output);

        Assert.True(r.Exit == 0, r.ToString());
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
        Assert.Contains("istio-proxy", Read(output));
    }

    // ---- flags that were silently ignored ----

    [Fact]
    public void Diff_with_output_or_in_place_is_a_usage_error()
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());

        var withOutput = Run("-f", input, "--diff", "-o", sandbox.PathOf("out.yaml"));
        var inPlace = Run("-f", input, "--diff", "-i");

        Assert.Equal(64, withOutput.Exit);
        Assert.Contains("--diff prints a diff to stdout", withOutput.Stderr);
        Assert.False(File.Exists(sandbox.PathOf("out.yaml")));
        Assert.Equal(64, inPlace.Exit);
        Assert.Equal(Manifests.Deployment(), Read(input));
    }

    [Theory]
    [InlineData("--config", "x.yaml", "check")]
    [InlineData("--config", "x.yaml", "uninject")]
    [InlineData("-R", null, "check")]
    public void A_root_option_before_a_subcommand_is_a_usage_error(string option, string? value, string subcommand)
    {
        var input = sandbox.Write("app.yaml", Manifests.Deployment());

        var r = value is null ? Run(option, subcommand, input) : Run(option, value, subcommand, input);

        Assert.True(r.Exit == 64, r.ToString());
        Assert.Contains($"{option} is given before the subcommand '{subcommand}'", r.Stderr);
    }

    // ---- -R ----

    [Fact]
    public void Recursion_follows_each_real_folder_once_and_skips_loops_and_non_regular_files()
    {
        Assert.SkipUnless(OnUnix && File.Exists("/usr/bin/mkfifo"), "symlinks and mkfifo");
        sandbox.Write("tree/a.yaml", Manifests.Deployment("a"));
        sandbox.Write("tree/sub/b.yaml", Manifests.Deployment("b"));
        File.CreateSymbolicLink(sandbox.PathOf("tree/self"), ".");
        File.CreateSymbolicLink(sandbox.PathOf("tree/sub/up"), "..");
        File.CreateSymbolicLink(sandbox.PathOf("tree/again"), "sub");
        File.CreateSymbolicLink(sandbox.PathOf("tree/dangling.yaml"), "nowhere.yaml");
        System.Diagnostics.Process.Start("/usr/bin/mkfifo", [sandbox.PathOf("tree/pipe.yaml")])!.WaitForExit();

        var r = Run("-R", sandbox.PathOf("tree"));

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(1, r.Stderr.Split('\n').Count(l => l.StartsWith("Deployment ns/a: injected", StringComparison.Ordinal)));
        Assert.Equal(1, r.Stderr.Split('\n').Count(l => l.StartsWith("Deployment ns/b: injected", StringComparison.Ordinal)));
        Assert.Contains("tree/self: skipped: a symlink loop", r.Stderr);
        Assert.Contains("/up: skipped: a symlink loop", r.Stderr);
        Assert.Contains("tree/pipe.yaml: skipped: a FIFO, not a regular file", r.Stderr);
        Assert.Contains("tree/dangling.yaml: skipped: a dangling symlink", r.Stderr);
    }
}
