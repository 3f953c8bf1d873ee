namespace KubeInject.Tests.Golden;

public sealed class DanglingSnapshotsTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("kubeinject-dangling-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Find_lists_verified_files_whose_case_is_gone()
    {
        Touch("Cases/kept/injected.verified.yaml");
        Touch("Cases/gone/injected.verified.yaml");
        Touch("Cases/gone/report.verified.txt");
        Touch("Cases/gone/injected.received.yaml");
        Touch("Cases/gone/input.yaml");

        var unused = DanglingSnapshots.Find(dir, stem => stem.StartsWith("Cases/kept/"));

        Assert.Equal(["Cases/gone/injected.verified.yaml", "Cases/gone/report.verified.txt"], unused);
    }

    [Fact]
    public void Find_returns_nothing_for_a_missing_directory() =>
        Assert.Empty(DanglingSnapshots.Find(Path.Combine(dir, "none"), _ => false));

    [Fact]
    public void FindForTestClass_lists_files_of_removed_test_methods_only()
    {
        Touch("VerifierTests.New_snapshot_fails_and_writes_received.verified.txt");
        Touch("VerifierTests.UseParameters_names_the_file_after_the_theory_parameters_count=1_name=x.verified.yaml");
        Touch("VerifierTests.Removed_test.verified.txt");
        Touch("Other.Anything.verified.txt");
        Touch("Cases/x/injected.verified.yaml");

        var unused = DanglingSnapshots.FindForTestClass(typeof(VerifierTests), dir, "VerifierTests");

        Assert.Equal(["VerifierTests.Removed_test.verified.txt"], unused);
    }

    private void Touch(string relative)
    {
        var path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
    }
}
