using System.Runtime.CompilerServices;
using KubeInject.Tests.Cli;

namespace KubeInject.Tests.Checking;

/// <summary>The fixture folders of the check tests (the CLI itself runs through <see cref="CliSandbox"/>).</summary>
internal static class CheckFixtures
{
    public static string Fixtures { get; } = Path.Combine(SourceDir(), "Fixtures");

    public static string Samples { get; } = Path.Combine(CliSandbox.RepoRoot(), "samples");

    public static string Fixture(string name) => Path.Combine(Fixtures, name);

    /// <summary>Replaces the absolute fixture and sample folders with short names, so snapshots do not depend on the checkout.</summary>
    public static void ScrubPaths(System.Text.StringBuilder text) =>
        text.Replace(Fixtures + Path.DirectorySeparatorChar, "").Replace(Samples, "samples");

    // SnapshotPaths resolves the path-mapped "/_/" form that CI builds (ContinuousIntegrationBuild) produce.
    private static string SourceDir([CallerFilePath] string path = "") => Golden.SnapshotPaths.Directory(path, null);
}
