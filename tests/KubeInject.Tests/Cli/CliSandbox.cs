using System.Text;
using KubeInject.Cli;

namespace KubeInject.Tests.Cli;

/// <summary>What one in-process run of the CLI produced.</summary>
internal sealed record CliResult(int Exit, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {Exit}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// A temp folder per test plus an in-process runner for <see cref="KubeInjectApp.Run"/> with string
/// stdin/stdout/stderr and a private environment (never the process's).
/// </summary>
internal sealed class CliSandbox : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public string Dir { get; } = Directory.CreateTempSubdirectory("kubeinject-cli-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public string PathOf(string relative) => Path.Combine(Dir, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Writes <paramref name="text"/> exactly (UTF-8, no BOM added; a U+FEFF in the text is written).</summary>
    public string Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8NoBom);
        return path;
    }

    public static string Read(string path) => Utf8NoBom.GetString(File.ReadAllBytes(path));

    public static CliResult Run(params string[] args) => RunWithStdin("", args);

    public static CliResult RunWithStdin(string stdin, params string[] args) =>
        RunWith(stdin, new Dictionary<string, string>(StringComparer.Ordinal), args);

    public static CliResult RunWith(string stdin, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = KubeInjectApp.Run(args, new CliContext(new StringReader(stdin), stdout, stderr, environment));
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The folder that holds KubeInject.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KubeInject.sln"))) return dir.FullName;
        throw new InvalidOperationException("KubeInject.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Sample(string name) => Path.Combine(RepoRoot(), "samples", name);
}

/// <summary>Small manifests for CLI tests, built in code.</summary>
internal static class Manifests
{
    /// <summary>A Deployment <c>ns/web</c>; <paramref name="podLabels"/> and <paramref name="podSpec"/> are extra lines (already indented).</summary>
    public static string Deployment(string name = "web", string podLabels = "", string podAnnotations = "", string podSpec = "", string nl = "\n")
    {
        var lines = new List<string>
        {
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata:",
            $"  name: {name}",
            "  namespace: ns",
            "spec:",
            "  selector:",
            "    matchLabels:",
            $"      app: {name}",
            "  template:",
            "    metadata:",
            "      labels:",
            $"        app: {name}",
        };
        if (podLabels.Length > 0) lines.Add(podLabels);
        if (podAnnotations.Length > 0)
        {
            lines.Add("      annotations:");
            lines.Add(podAnnotations);
        }
        lines.Add("    spec:");
        if (podSpec.Length > 0) lines.Add(podSpec);
        lines.Add("      containers:");
        lines.Add($"        - name: {name}");
        lines.Add("          image: nginx:1.27");
        return string.Join(nl, lines) + nl;
    }

    public const string ConfigMap =
        "apiVersion: v1\n" +
        "kind: ConfigMap\n" +
        "metadata:\n" +
        "  name: settings   # trailing comment\n" +
        "data:\n" +
        "  'quoted': \"x\"\n" +
        "  flow: {a: 1,   b: [2, 3]}\n";

    /// <summary>True when every <c>\n</c> in <paramref name="text"/> is preceded by <c>\r</c>.</summary>
    public static bool HasOnlyCrlf(string text)
    {
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) return false;
        return true;
    }
}
