namespace KubeInject.Tests.Conformance;

/// <summary>
/// The repository carries a copy of the conformance corpus (<c>tests/conformance</c>); while the shared corpus it is
/// refreshed from is present, the copy must hold exactly its data files (run <c>tests/conformance/refresh.sh</c>).
/// </summary>
public sealed class ConformanceCopyTests
{
    [Fact]
    public void The_repository_copy_of_the_corpus_is_the_shared_corpus()
    {
        var shared = ConformanceCorpus.SharedFolder();
        if (shared is null) Assert.Skip("no shared/conformance beside the repository to compare the copy with");
        var copy = Path.Combine(CopyRoot(), "tests", "conformance");
        var expected = DataFiles(shared);
        var actual = DataFiles(copy);
        Assert.True(expected.Count > 0, $"no corpus data in {shared}");
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        var differ = expected.Intersect(actual)
            .Where(f => !File.ReadAllBytes(Path.Combine(shared, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(copy, f)))).ToList();
        Assert.True(missing.Count + extra.Count + differ.Count == 0,
            $"tests/conformance is stale (run tests/conformance/refresh.sh): missing {Show(missing)}; extra {Show(extra)}; different {Show(differ)}");
    }

    [Fact]
    public void The_tests_read_the_repository_copy_unless_told_otherwise()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBEINJECT_SHARED"))) Assert.Skip("KUBEINJECT_SHARED is set");
        Assert.Equal(Path.GetFullPath(Path.Combine(CopyRoot(), "tests", "conformance")), ConformanceCorpus.Folder);
        foreach (var version in Injector.BundledIstioVersions)
            Assert.NotEmpty(ConformanceCorpus.Cases(version));
    }

    private static string Show(List<string> files) => files.Count == 0 ? "none" : string.Join(", ", files.Take(5)) + (files.Count > 5 ? $" (+{files.Count - 5})" : "");

    // The corpus's data: LICENSE.istio and everything under istio-*/ (README.md and compare.py stay in the shared folder).
    private static HashSet<string> DataFiles(string root) =>
        Directory.EnumerateDirectories(root, "istio-*")
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "LICENSE.istio"))
            .Where(File.Exists)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);

    private static string CopyRoot() => Cli.CliSandbox.RepoRoot();
}
