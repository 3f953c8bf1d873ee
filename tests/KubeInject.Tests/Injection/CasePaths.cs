using System.Runtime.CompilerServices;
using KubeInject.Tests.Golden;

namespace KubeInject.Tests.Injection;

/// <summary>Locates the golden cases (<c>tests/KubeInject.Tests/Cases/&lt;name&gt;/input.yaml</c>) and the repository's samples.</summary>
internal static class CasePaths
{
    /// <summary>The Cases folder.</summary>
    public static string CasesFolder([CallerFilePath] string sourceFile = "") => SnapshotPaths.Directory(sourceFile, "../Cases");

    /// <summary>The repository's samples folder.</summary>
    public static string SamplesFolder([CallerFilePath] string sourceFile = "") => SnapshotPaths.Directory(sourceFile, "../../../samples");

    /// <summary>Names of the case folders that hold an input.yaml, sorted ordinally.</summary>
    public static IReadOnlyList<string> CaseNames()
    {
        var root = CasesFolder();
        return Directory.Exists(root)
            ? Directory.EnumerateDirectories(root)
                .Where(d => File.Exists(Path.Combine(d, "input.yaml")))
                .Select(d => Path.GetFileName(d)!)
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    /// <summary>The text of a case's input.yaml.</summary>
    public static string Input(string name) => File.ReadAllText(Path.Combine(CasesFolder(), name, "input.yaml"));

    /// <summary>The text of a case's accepted output.</summary>
    public static string Verified(string name) => File.ReadAllText(Path.Combine(CasesFolder(), name, "injected.verified.yaml"));
}
