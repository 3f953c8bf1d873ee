using System.Runtime.CompilerServices;
using System.Text;

namespace KubeInject.Tests.Golden;

/// <summary>
/// Fluent settings for one verification, named as in Verify's <c>SettingsTask</c>. Awaiting it runs the check.
/// </summary>
public sealed class SettingsTask
{
    private readonly string target;
    private readonly string extension;
    private readonly string sourceFile;
    private readonly List<Action<StringBuilder>> scrubbers = [];
    private string? directory;
    private string? fileName;
    private string typeName;
    private string methodName;
    private object?[]? parameters;
    private string? parametersText;
    private bool autoVerify;
    private Func<string, string?> environment = Environment.GetEnvironmentVariable;
    private Task? task;

    internal SettingsTask(string target, string extension, string sourceFile, string method)
    {
        this.target = target;
        this.extension = extension;
        this.sourceFile = sourceFile;
        typeName = SnapshotPaths.TypeNameFromSource(sourceFile);
        methodName = method;
    }

    /// <summary>Stores the snapshot in <paramref name="path"/>: relative to the test source folder, or absolute.</summary>
    /// <param name="path">The snapshot folder.</param>
    /// <returns>These settings.</returns>
    public SettingsTask UseDirectory(string path) => Set(() => directory = path);

    /// <summary>Replaces <c>{TypeName}.{MethodName}_{Parameters}</c> in the snapshot file name.</summary>
    /// <param name="name">The file name stem, e.g. <c>injected</c>.</param>
    /// <returns>These settings.</returns>
    public SettingsTask UseFileName(string name) => Set(() => fileName = name);

    /// <summary>Replaces <c>{TypeName}</c> (default: the test source file name up to its first dot).</summary>
    /// <param name="name">The type name part.</param>
    /// <returns>These settings.</returns>
    public SettingsTask UseTypeName(string name) => Set(() => typeName = name);

    /// <summary>Replaces <c>{MethodName}</c> (default: the calling member).</summary>
    /// <param name="name">The method name part.</param>
    /// <returns>These settings.</returns>
    public SettingsTask UseMethodName(string name) => Set(() => methodName = name);

    /// <summary>
    /// Adds <c>_{p1=v1}_{p2=v2}</c> to the file name; names come from the running xunit test method's parameters.
    /// </summary>
    /// <param name="values">The parameter values, in declaration order.</param>
    /// <returns>These settings.</returns>
    public SettingsTask UseParameters(params object?[] values) => Set(() => parameters = values);

    /// <summary>Uses <paramref name="text"/> verbatim as the <c>{Parameters}</c> part of the file name.</summary>
    /// <param name="text">The parameters text.</param>
    /// <returns>These settings.</returns>
    public SettingsTask UseTextForParameters(string text) => Set(() => parametersText = text);

    /// <summary>Replaces each line with the function's result; a <see langword="null"/> result removes the line.</summary>
    /// <param name="replaceLine">Called once per line (without its line end).</param>
    /// <returns>These settings.</returns>
    public SettingsTask ScrubLinesWithReplace(Func<string, string?> replaceLine)
    {
        ArgumentNullException.ThrowIfNull(replaceLine);
        return AddScrubber(builder => Scrubbers.ReplaceLines(builder, replaceLine));
    }

    /// <summary>Adds a scrubber that edits the normalised received text; scrubbers run in the order added.</summary>
    /// <param name="scrubber">The scrubber.</param>
    /// <returns>These settings.</returns>
    public SettingsTask AddScrubber(Action<StringBuilder> scrubber)
    {
        ArgumentNullException.ThrowIfNull(scrubber);
        return Set(() => scrubbers.Add(scrubber));
    }

    /// <summary>Accepts the received text as verified (never when <c>CI=true</c>), like Verify's <c>AutoVerify()</c>.</summary>
    /// <returns>These settings.</returns>
    public SettingsTask AutoVerify() => Set(() => autoVerify = true);

    /// <summary>Replaces the environment lookup (for <c>KUBEINJECT_ACCEPT</c> and <c>CI</c>); for the helper's own tests.</summary>
    internal SettingsTask UseEnvironment(Func<string, string?> lookup) => Set(() => environment = lookup);

    /// <summary>Runs the verification once; later calls return the same task.</summary>
    /// <returns>A task that fails with <see cref="VerifyException"/> when the snapshot does not match.</returns>
    public Task ToTask() => task ??= Run();

    /// <summary>Runs the verification, so that the settings can be awaited directly.</summary>
    /// <returns>The awaiter of <see cref="ToTask"/>.</returns>
    public TaskAwaiter GetAwaiter() => ToTask().GetAwaiter();

    private SettingsTask Set(Action change)
    {
        if (task is not null)
        {
            throw new InvalidOperationException("Settings cannot change after the verification has run.");
        }

        change();
        return this;
    }

    private Task Run()
    {
        try
        {
            var folder = SnapshotPaths.Directory(sourceFile, directory);
            var stem = fileName ?? typeName + "." + methodName + SnapshotPaths.ParametersSuffix(parametersText, parameters);
            var paths = new SnapshotFiles(folder, stem, extension);
            SnapshotComparer.Compare(target, scrubbers, paths, AcceptMode());
            return Task.CompletedTask;
        }
        catch (Exception exception)
        {
            return Task.FromException(exception);
        }
    }

    private Accept AcceptMode()
    {
        if (!autoVerify && !IsTrue(environment(Verifier.AcceptVariable)))
        {
            return Accept.No;
        }

        // Verify's AutoVerify(includeBuildServer: false): a build server never rewrites snapshots.
        return IsTrue(environment("CI")) ? Accept.BlockedByCi : Accept.Yes;
    }

    private static bool IsTrue(string? value) =>
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1";
}
