using KubeInject.Checking;

namespace KubeInject.Cli;

/// <summary>Reads the command line's paths into <see cref="ManifestInput"/>s for commands that look at all inputs together.</summary>
internal static class ManifestInputs
{
    /// <summary>The inputs; missing or unreadable files are reported on stderr and set <paramref name="exit"/> to 66.</summary>
    public static List<ManifestInput> Read(IEnumerable<string> paths, bool recursive, CliContext context, out int exit, Func<string, bool>? selects = null)
    {
        exit = ExitCodes.Ok;
        var files = InputExpander.Expand(paths, recursive, out var missing, out var skipped).Where(f => f.IsStdin || selects is null || selects(f.Path)).ToList();
        foreach (var line in skipped) context.Stderr.WriteLine($"kube-inject: {line}");
        foreach (var m in missing)
        {
            context.Stderr.WriteLine($"kube-inject: error: {m}: no such file or directory");
            exit = ExitCodes.MissingInput;
        }
        var inputs = new List<ManifestInput>();
        foreach (var file in files)
        {
            try
            {
                inputs.Add(new ManifestInput(file.IsStdin ? InputFile.ReadStdin(context.Stdin) : InputFile.Read(file.Path), file.Display));
            }
            catch (IOException e)
            {
                context.Stderr.WriteLine($"kube-inject: error: {file.Display}: {e.Message}");
                exit = Math.Max(exit, ExitCodes.MissingInput);
            }
            catch (KubeInject.Diagnostics.KubeInjectException e)
            {
                context.Stderr.WriteLine($"kube-inject: error: {e}");
                exit = Math.Max(exit, ExitCodes.BadInput);
            }
        }
        return inputs;
    }

    /// <summary>A path-like token that is really an unknown option (System.CommandLine puts those among the arguments).</summary>
    public static string? UnknownOption(IEnumerable<string> paths) =>
        paths.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !File.Exists(p) && !Directory.Exists(p));
}
