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

    public static List<InputSource> Expand(IEnumerable<string> paths, bool recursive, out List<string> missing)
    {
        missing = [];
        var result = new List<InputSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
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
                var option = recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
                var files = Directory.EnumerateFiles(p, "*", option)
                    .Where(f => Extensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var f in files)
                    if (seen.Add(System.IO.Path.GetFullPath(f)))
                        result.Add(new InputSource(f, System.IO.Path.GetRelativePath(p, f)));
                continue;
            }
            if (!File.Exists(p))
            {
                missing.Add(p);
                continue;
            }
            if (seen.Add(System.IO.Path.GetFullPath(p)))
            {
                named.Add(result.Count);
                result.Add(new InputSource(p, System.IO.Path.GetFileName(p)));
            }
        }
        MirrorFromCommonFolder(result, named);
        return result;
    }
}
