using System.Runtime.CompilerServices;

namespace KubeInject.Tests.Golden;

/// <summary>
/// Entry point of the golden-file helper. It copies the observable conventions of Verify
/// (file names, <c>.received.</c>/<c>.verified.</c> pairs, fluent settings) so that a later switch to
/// Verify.XunitV3 only changes <c>using static KubeInject.Tests.Golden.Verifier;</c>.
/// </summary>
/// <remarks>
/// Snapshot files are written as UTF-8 with a BOM (as Verify does) and <c>\n</c> line ends, without an
/// added trailing newline; they are read BOM-tolerant. Set <c>KUBEINJECT_ACCEPT=1</c> to accept received
/// snapshots (ignored when <c>CI=true</c>).
/// </remarks>
public static class Verifier
{
    /// <summary>Name of the environment variable that accepts received snapshots when set to <c>1</c>.</summary>
    public const string AcceptVariable = "KUBEINJECT_ACCEPT";

    /// <summary>
    /// Verifies <paramref name="target"/> against <c>{Directory}/{TypeName}.{MethodName}.verified.{extension}</c>.
    /// Nothing happens until the returned task is awaited.
    /// </summary>
    /// <param name="target">The text to verify; its line ends are normalised to <c>\n</c>.</param>
    /// <param name="extension">File extension of the snapshot, without the dot.</param>
    /// <param name="sourceFile">Supplied by the compiler: the calling test's source file.</param>
    /// <param name="method">Supplied by the compiler: the calling test method.</param>
    /// <returns>Fluent settings; await them to run the check.</returns>
    public static SettingsTask Verify(
        string target,
        string extension = "txt",
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string method = "")
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        return new SettingsTask(target, extension.TrimStart('.'), sourceFile, method);
    }
}
