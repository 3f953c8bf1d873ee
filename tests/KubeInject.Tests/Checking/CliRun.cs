using System.Runtime.CompilerServices;
using KubeInject.Cli;

namespace KubeInject.Tests.Checking;

/// <summary>Runs the CLI in-process with captured output, and names the fixture folders.</summary>
internal static class CliRun
{
    public static string Fixtures { get; } = Path.Combine(SourceDir(), "Fixtures");

    public static string Samples { get; } = Path.GetFullPath(Path.Combine(SourceDir(), "..", "..", "..", "samples"));

    public static string Fixture(string name) => Path.Combine(Fixtures, name);

    public static string Sample(string name) => Path.Combine(Samples, name);

    public static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var context = new CliContext(new StringReader(""), stdout, stderr, new Dictionary<string, string>());
        int exit = KubeInjectApp.Run(args, context);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Replaces the absolute fixture and sample folders with short names, so snapshots do not depend on the checkout.</summary>
    public static void ScrubPaths(System.Text.StringBuilder text) =>
        text.Replace(Fixtures + Path.DirectorySeparatorChar, "").Replace(Samples, "samples");

    private static string SourceDir([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
