using System.Reflection;
using System.Runtime.CompilerServices;

namespace KubeInject.Tests.Golden;

/// <summary>
/// Finds verified files that no test or case uses any more (Istio's "stale golden files", Verify's dangling
/// snapshots), so a test can fail on them with <c>Assert.Empty(...)</c>.
/// </summary>
public static class DanglingSnapshots
{
    private const string Marker = ".verified.";

    /// <summary>
    /// Lists <c>*.verified.*</c> files under <paramref name="directory"/> (recursively) whose stem is not used.
    /// The stem is the path relative to <paramref name="directory"/>, with <c>/</c> separators, up to
    /// <c>.verified.</c>: <c>Cases/x/injected.verified.yaml</c> has the stem <c>Cases/x/injected</c>.
    /// </summary>
    /// <param name="directory">Folder to scan: absolute, or relative to the calling test's source folder.</param>
    /// <param name="isUsed">Returns whether a stem belongs to an existing test or case.</param>
    /// <param name="sourceFile">Supplied by the compiler: the calling test's source file.</param>
    /// <returns>The unused files, relative to <paramref name="directory"/>, sorted ordinally.</returns>
    public static IReadOnlyList<string> Find(string directory, Func<string, bool> isUsed, [CallerFilePath] string sourceFile = "")
    {
        ArgumentNullException.ThrowIfNull(isUsed);
        var root = SnapshotPaths.Directory(sourceFile, directory);
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateFiles(root, "*" + Marker + "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(relative => !isUsed(relative[..relative.LastIndexOf(Marker, StringComparison.Ordinal)]))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Lists <c>{TypeName}.{Rest}.verified.*</c> files in the calling test's source folder whose <c>{Rest}</c> is
    /// neither a test method of <paramref name="testClass"/> nor such a method followed by <c>_{Parameters}</c>.
    /// <c>{TypeName}</c> follows <see cref="Verifier.Verify"/>: the source file name up to its first dot.
    /// </summary>
    /// <param name="testClass">The class whose <c>[Fact]</c>/<c>[Theory]</c> methods write the snapshots.</param>
    /// <param name="sourceFile">Supplied by the compiler: the calling test's source file.</param>
    /// <returns>The unused files, relative to the source folder, sorted ordinally.</returns>
    public static IReadOnlyList<string> FindForTestClass(Type testClass, [CallerFilePath] string sourceFile = "")
    {
        ArgumentNullException.ThrowIfNull(testClass);
        return FindForTestClass(testClass, SnapshotPaths.Directory(sourceFile, null), SnapshotPaths.TypeNameFromSource(sourceFile));
    }

    /// <summary>Implements <see cref="FindForTestClass(Type, string)"/> for a given folder and type name.</summary>
    internal static IReadOnlyList<string> FindForTestClass(Type testClass, string folder, string typeName)
    {
        var prefix = typeName + ".";
        var methods = testClass
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Where(method => method.IsDefined(typeof(FactAttribute), inherit: true))
            .Select(method => method.Name)
            .ToList();

        // Only top-level files named after this type are judged; everything else belongs to someone else.
        return Find(
            folder,
            stem => !stem.StartsWith(prefix, StringComparison.Ordinal) || stem.Contains('/') ||
                methods.Exists(name => stem == prefix + name || stem.StartsWith(prefix + name + "_", StringComparison.Ordinal)));
    }
}
