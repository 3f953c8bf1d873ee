namespace KubeInject.Cli;

/// <summary>One input to process.</summary>
/// <param name="Path">File path ("-" for stdin).</param>
/// <param name="RelativePath">Path relative to the directory it was found under (for mirroring with -o DIR/).</param>
internal sealed record InputSource(string Path, string RelativePath)
{
    public bool IsStdin => Path == "-";

    /// <summary>How messages name it.</summary>
    public string Display => IsStdin ? "stdin" : Path;
}

/// <summary>Turns the command line's paths into files: directories are expanded to their manifests.</summary>
internal static class InputExpander
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    // Where files named on the command line land under "-o DIR/": their paths relative to the deepest folder
    // they share, so two "app.yaml" in different folders stay apart and a single file lands as DIR/<name>.
    private static void MirrorFromCommonFolder(List<InputSource> result, HashSet<int> named)
    {
        if (named.Count == 0) return;
        var folders = named.Select(i => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(result[i].Path))!).ToList();
        string common = folders[0];
        foreach (var f in folders.Skip(1))
            while (!(f + "/").StartsWith(common.TrimEnd('/') + "/", StringComparison.Ordinal))
                common = System.IO.Path.GetDirectoryName(common) ?? "/";
        foreach (var i in named)
            result[i] = result[i] with { RelativePath = System.IO.Path.GetRelativePath(common, System.IO.Path.GetFullPath(result[i].Path)) };
    }

    public static List<InputSource> Expand(IEnumerable<string> paths, bool recursive, out List<string> missing) =>
        Expand(paths, recursive, out missing, out _);

    /// <summary>
    /// The files to process. Directories are walked (recursively with <paramref name="recursive"/>) following each real
    /// directory once: a symlink to a directory already walked, or to one of the folders being walked (a loop), is not
    /// followed again. Only regular files are taken from directories: a FIFO, device or socket named <c>*.yaml</c> is
    /// skipped, with a line in <paramref name="skipped"/> (a file named on the command line is read whatever it is, so
    /// <c>-f &lt;(…)</c> works).
    /// </summary>
    public static List<InputSource> Expand(IEnumerable<string> paths, bool recursive, out List<string> missing, out List<string> skipped)
    {
        missing = [];
        skipped = [];
        var result = new List<InputSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var visitedDirectories = new HashSet<string>(StringComparer.Ordinal);
        var named = new HashSet<int>();
        foreach (var p in paths)
        {
            if (p == "-")
            {
                result.Add(new InputSource("-", "stdin"));
                continue;
            }
            if (Directory.Exists(p))
            {
                var files = new List<string>();
                Walk(p, recursive, [], visitedDirectories, files, skipped);
                foreach (var f in files.Order(StringComparer.Ordinal))
                    if (seen.Add(Posix.RealPathOf(f)))
                        result.Add(new InputSource(f, System.IO.Path.GetRelativePath(p, f)));
                continue;
            }
            if (!File.Exists(p))
            {
                missing.Add(p);
                continue;
            }
            if (seen.Add(Posix.RealPathOf(p)))
            {
                named.Add(result.Count);
                result.Add(new InputSource(p, System.IO.Path.GetFileName(p)));
            }
        }
        MirrorFromCommonFolder(result, named);
        return result;
    }

    // Collects a directory's manifests; `walking` holds the real paths of the directories from the root down to here.
    private static void Walk(string dir, bool recursive, List<string> walking, HashSet<string> visited, List<string> files, List<string> skipped)
    {
        string real = Posix.RealPathOf(dir);
        if (walking.Any(w => real == w || w.StartsWith(real.TrimEnd('/') + "/", StringComparison.Ordinal)))
        {
            skipped.Add($"{dir}: skipped: a symlink loop (it leads back to {real})");
            return;
        }
        if (!visited.Add(real)) return; // reached through another symlink: already walked
        walking.Add(real);
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            skipped.Add($"{dir}: skipped: {e.Message}");
            walking.RemoveAt(walking.Count - 1);
            return;
        }
        foreach (var entry in entries)
        {
            var kind = Posix.KindOf(entry);
            if (kind == Posix.FileKind.Directory)
            {
                if (recursive) Walk(entry, recursive, walking, visited, files, skipped);
                continue;
            }
            if (!Extensions.Contains(System.IO.Path.GetExtension(entry), StringComparer.OrdinalIgnoreCase)) continue;
            if (kind == Posix.FileKind.Regular) files.Add(entry);
            else if (kind == Posix.FileKind.Other) skipped.Add($"{entry}: skipped: {Posix.Describe(entry)}, not a regular file");
            else skipped.Add($"{entry}: skipped: a dangling symlink");
        }
        walking.RemoveAt(walking.Count - 1);
    }
}
