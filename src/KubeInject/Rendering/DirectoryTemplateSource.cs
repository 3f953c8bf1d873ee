namespace KubeInject.Rendering;

/// <summary>
/// Templates from a directory that overrides the stock ones: <c>&lt;root&gt;/&lt;name&gt;.scriban</c>, falling back
/// to <c>&lt;root&gt;/&lt;versionFolder&gt;/&lt;name&gt;.scriban</c>. Names that would leave the root
/// (<c>../x</c>, absolute paths) are refused. The file system is touched only when a template is asked for.
/// </summary>
public sealed class DirectoryTemplateSource : ITemplateSource, ITemplateFileNames
{
    private const string Extension = ".scriban";
    private readonly string _root;

    /// <summary>A source reading below <paramref name="root"/>.</summary>
    public DirectoryTemplateSource(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    /// <inheritdoc />
    public string? Load(string versionFolder, string name)
    {
        foreach (var path in Candidates(versionFolder, name))
            if (File.Exists(path)) return File.ReadAllText(path);
        return null;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Names(string versionFolder)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var dir in new[] { _root, Confine(Path.Combine(_root, versionFolder)) })
        {
            if (dir is null || !System.IO.Directory.Exists(dir)) continue;
            foreach (var file in System.IO.Directory.EnumerateFiles(dir, "*" + Extension))
                names.Add(Path.GetFileNameWithoutExtension(file));
        }
        return names.ToList();
    }

    // The path a template is read from (the first existing candidate, else the first candidate).
    string ITemplateFileNames.FileName(string versionFolder, string name)
    {
        var candidates = Candidates(versionFolder, name).ToList();
        return candidates.FirstOrDefault(File.Exists) ?? candidates.FirstOrDefault() ?? Path.Combine(_root, name + Extension);
    }

    private IEnumerable<string> Candidates(string versionFolder, string name)
    {
        if (Confine(Path.Combine(_root, name + Extension)) is { } direct) yield return direct;
        if (Confine(Path.Combine(_root, versionFolder, name + Extension)) is { } versioned) yield return versioned;
    }

    // Null when the path resolves outside the root.
    private string? Confine(string path)
    {
        var full = Path.GetFullPath(path);
        string prefix = Path.EndsInDirectorySeparator(_root) ? _root : _root + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full : null;
    }
}
