using System.Runtime.CompilerServices;
using System.Text;
using static KubeInject.Tests.Golden.Verifier;

namespace KubeInject.Tests.Golden;

public sealed class VerifierTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("kubeinject-golden-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task New_snapshot_fails_and_writes_received()
    {
        var error = await Assert.ThrowsAsync<VerifyException>(async () => await InTemp(Verify("a: 1\n")));

        var received = Path.Combine(dir, "VerifierTests.New_snapshot_fails_and_writes_received.received.txt");
        Assert.StartsWith("New snapshot", error.Message);
        Assert.Contains(received, error.Message);
        Assert.Equal("a: 1\n", File.ReadAllText(received));
        Assert.False(File.Exists(Verified()));
    }

    [Fact]
    public async Task Matching_snapshot_passes_and_deletes_stale_received()
    {
        WriteVerified("a: 1\nb: 2");
        File.WriteAllText(Received(), "stale");

        await InTemp(Verify("a: 1\nb: 2"));

        Assert.False(File.Exists(Received()));
    }

    [Fact]
    public async Task Mismatch_fails_with_a_unified_diff_of_the_changed_line()
    {
        WriteVerified("spec:\n  a: 1\n  b: 2\n  c: 3\n");

        var error = await Assert.ThrowsAsync<VerifyException>(async () => await InTemp(Verify("spec:\n  a: 1\n  b: 20\n  c: 3\n")));

        Assert.Contains(Verified(), error.Message);
        Assert.Contains(Received(), error.Message);
        Assert.Contains("--- verified", error.Message);
        Assert.Contains("+++ received", error.Message);
        Assert.Contains("-  b: 2\n", error.Message);
        Assert.Contains("+  b: 20\n", error.Message);
        Assert.Equal("spec:\n  a: 1\n  b: 20\n  c: 3\n", File.ReadAllText(Received()));
    }

    [Fact]
    public async Task An_indentation_only_change_is_a_mismatch_and_shows_in_the_diff()
    {
        WriteVerified("a:\n  - x\n");

        var error = await Assert.ThrowsAsync<VerifyException>(async () => await InTemp(Verify("a:\n- x\n")));

        Assert.Contains("-  - x\n", error.Message);
        Assert.Contains("+- x\n", error.Message);
    }

    [Fact]
    public void Diff_is_unified_from_verified_to_received_one_line_per_line() =>
        Assert.Equal(
            "--- verified\n+++ received\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n",
            SnapshotComparer.Diff("a\nb\nc\n", "a\nB\nc\n"));

    [Fact]
    public void Diff_shows_a_missing_final_newline_as_git_does() =>
        Assert.Equal(
            "--- verified\n+++ received\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
            SnapshotComparer.Diff("a\nb", "a\nb\n"));

    [Fact]
    public async Task CRLF_and_CR_in_received_are_normalised_to_LF()
    {
        await Assert.ThrowsAsync<VerifyException>(async () => await InTemp(Verify("a: 1\r\nb: 2\rc: 3\r\n")));
        Assert.Equal("a: 1\nb: 2\nc: 3\n", File.ReadAllText(Received()));

        WriteVerified("a: 1\nb: 2\nc: 3\n");
        await InTemp(Verify("a: 1\r\nb: 2\rc: 3\r\n"));
    }

    [Fact]
    public async Task A_verified_file_with_CRLF_fails_with_a_line_ending_message()
    {
        WriteVerified("a: 1\r\n");

        var error = await Assert.ThrowsAsync<VerifyException>(async () => await InTemp(Verify("a: 1\n")));

        Assert.Contains("line ends", error.Message);
        Assert.Equal("a: 1\n", File.ReadAllText(Received()));
    }

    [Fact]
    public async Task Snapshots_are_UTF8_with_BOM_and_get_no_added_newline_and_verified_files_without_BOM_match()
    {
        await Assert.ThrowsAsync<VerifyException>(async () => await InTemp(Verify("é")));
        Assert.Equal([0xEF, 0xBB, 0xBF, 0xC3, 0xA9], File.ReadAllBytes(Received()));

        File.WriteAllBytes(Verified(), [0xC3, 0xA9]);
        await InTemp(Verify("é"));
    }

    [Fact]
    public async Task Scrubbers_run_in_order_on_the_normalised_text()
    {
        WriteVerified("version: <scrubbed>\nname: X\n");

        await InTemp(Verify("version: 1.23.4\r\nname: x\r\ndrop me\r\n"))
            .ScrubLinesWithReplace(line => line.StartsWith("version:") ? "version: <scrubbed>" : line)
            .ScrubLinesWithReplace(line => line == "drop me" ? null : line)
            .AddScrubber(builder => builder.Replace("name: x", "name: X"));
    }

    [Fact]
    public async Task Accept_variable_moves_received_over_verified()
    {
        WriteVerified("old");
        File.WriteAllText(Received(), "stale");

        await InTemp(Verify("new"), Env((AcceptVariable, "1")));

        Assert.Equal("new", File.ReadAllText(Verified()));
        Assert.False(File.Exists(Received()));
    }

    [Fact]
    public async Task Accept_variable_creates_a_new_verified_file()
    {
        await InTemp(Verify("new"), Env((AcceptVariable, "1")));

        Assert.Equal("new", File.ReadAllText(Verified()));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    public async Task Accept_variable_and_AutoVerify_are_ignored_when_CI_is_true(string ci)
    {
        WriteVerified("old");

        var error = await Assert.ThrowsAsync<VerifyException>(
            async () => await InTemp(Verify("new"), Env((AcceptVariable, "1"), ("CI", ci))).UseTextForParameters(ci).AutoVerify());

        Assert.Contains("ignored because CI=true", error.Message);
        Assert.Equal("old", File.ReadAllText(Verified()));
    }

    [Fact]
    public async Task AutoVerify_accepts_without_the_variable()
    {
        await InTemp(Verify("new")).AutoVerify();

        Assert.Equal("new", File.ReadAllText(Verified()));
    }

    [Theory]
    [InlineData(1, "x")]
    public async Task UseParameters_names_the_file_after_the_theory_parameters(int count, string name)
    {
        await InTemp(Verify("p", "yaml")).UseParameters(count, name).AutoVerify();

        Assert.True(File.Exists(Path.Combine(
            dir, "VerifierTests.UseParameters_names_the_file_after_the_theory_parameters_count=1_name=x.verified.yaml")));
    }

    [Fact]
    public async Task UseParameters_outside_a_theory_fails_with_a_hint()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await InTemp(Verify("p")).UseParameters("x"));

        Assert.Contains("UseTextForParameters", error.Message);
    }

    [Fact]
    public async Task UseFileName_UseTypeName_and_UseMethodName_replace_their_parts()
    {
        await InTemp(Verify("f", "diff")).UseFileName("injected").AutoVerify();
        await InTemp(Verify("t")).UseTypeName("Other").AutoVerify();
        await InTemp(Verify("m")).UseMethodName("Renamed").AutoVerify();

        Assert.True(File.Exists(Path.Combine(dir, "injected.verified.diff")));
        Assert.True(File.Exists(Path.Combine(dir, "Other.UseFileName_UseTypeName_and_UseMethodName_replace_their_parts.verified.txt")));
        Assert.True(File.Exists(Path.Combine(dir, "VerifierTests.Renamed.verified.txt")));
    }

    [Fact]
    public void The_default_directory_is_the_test_source_folder_and_UseDirectory_is_relative_to_it()
    {
        var folder = Path.GetDirectoryName(ThisFile())!;

        Assert.Equal(folder, SnapshotPaths.Directory(ThisFile(), null));
        Assert.Equal(Path.Combine(folder, "Cases", "x"), SnapshotPaths.Directory(ThisFile(), "Cases/x"));
        Assert.Equal(dir, SnapshotPaths.Directory(ThisFile(), dir));
        Assert.Equal("ParserTests", SnapshotPaths.TypeNameFromSource("/src/ParserTests.DoubleDash.cs"));
    }

    [Fact]
    public void A_path_mapped_source_file_is_found_from_the_test_binaries()
    {
        // ContinuousIntegrationBuild maps CallerFilePath to "/_/..."; the repository root is an ancestor of bin/.
        var mapped = "/_/tests/KubeInject.Tests/Golden/VerifierTests.cs";

        Assert.Equal(Path.GetDirectoryName(ThisFile()), SnapshotPaths.Directory(mapped, null));
    }

    private static string ThisFile([CallerFilePath] string path = "") =>
        File.Exists(path) ? path : Path.Combine(SnapshotPaths.Directory(path, null), "VerifierTests.cs");

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private SettingsTask InTemp(SettingsTask settings, Func<string, string?>? environment = null) =>
        settings.UseDirectory(dir).UseEnvironment(environment ?? Env());

    private string Verified([CallerMemberName] string method = "") =>
        Path.Combine(dir, $"VerifierTests.{method}.verified.txt");

    private string Received([CallerMemberName] string method = "") =>
        Path.Combine(dir, $"VerifierTests.{method}.received.txt");

    private void WriteVerified(string text, [CallerMemberName] string method = "") =>
        File.WriteAllText(Verified(method), text, new UTF8Encoding(true));
}
