using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.v3;

namespace KubeInject.Tests.Golden;

/// <summary>Verify's naming: <c>{Directory}/{TypeName}.{MethodName}_{p1=v1}_{p2=v2}</c>.</summary>
internal static partial class SnapshotPaths
{
    /// <summary>The test source file name up to its first dot: <c>ParserTests.DoubleDash.cs</c> gives <c>ParserTests</c>.</summary>
    public static string TypeNameFromSource(string sourceFile)
    {
        var name = sourceFile[(sourceFile.LastIndexOfAny(['/', '\\']) + 1)..];
        var dot = name.IndexOf('.');
        return dot < 0 ? name : name[..dot];
    }

    /// <summary>The snapshot folder: <paramref name="directory"/> if absolute, else relative to the source file's folder.</summary>
    public static string Directory(string sourceFile, string? directory)
    {
        if (directory is not null && Path.IsPathFullyQualified(directory))
        {
            return directory;
        }

        var sourceFolder = SourceFolder(sourceFile);
        return directory is null ? sourceFolder : Path.GetFullPath(Path.Combine(sourceFolder, directory));
    }

    /// <summary>The <c>_{Parameters}</c> file name part, or empty when no parameters were given.</summary>
    public static string ParametersSuffix(string? text, object?[]? values)
    {
        if (text is not null)
        {
            return "_" + Sanitize(text);
        }

        if (values is null || values.Length == 0)
        {
            return "";
        }

        var names = (TestContext.Current.TestMethod as IXunitTestMethod)?.Method.GetParameters();
        if (names is null || names.Length < values.Length)
        {
            throw new InvalidOperationException(
                $"UseParameters got {values.Length} value(s) but the running test method has {names?.Length ?? 0} " +
                "parameter(s); call it from a [Theory] or use UseTextForParameters.");
        }

        return "_" + string.Join('_', values.Select((value, i) => $"{names[i].Name}={Sanitize(Format(value))}"));
    }

    // CallerFilePath is path-mapped ("/_/tests/...") when ContinuousIntegrationBuild turns on
    // DeterministicSourcePaths; then find the file by walking up from the test binaries.
    private static string SourceFolder(string sourceFile)
    {
        if (File.Exists(sourceFile))
        {
            return Path.GetDirectoryName(sourceFile)!;
        }

        var relative = MappedPrefix().Replace(sourceFile, "");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return Path.GetDirectoryName(candidate)!;
            }
        }

        throw new InvalidOperationException(
            $"Cannot find the test source file '{sourceFile}' (from [CallerFilePath]) on disk; " +
            "snapshots live next to the test sources, so run the tests from a source checkout.");
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    // Characters Windows forbids in file names, so snapshot names stay portable.
    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c < ' ' || "<>:\"/\\|?*".Contains(c) ? '-' : c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^[/\\]_\d*[/\\]")]
    private static partial Regex MappedPrefix();
}
