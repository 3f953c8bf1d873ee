using KubeInject.Diagnostics;

namespace KubeInject.Rendering;

/// <summary>
/// Go templates from a directory, one per file as the injector ConfigMap names them: <c>&lt;root&gt;/&lt;name&gt;.yaml</c>
/// (e.g. <c>sidecar.yaml</c>), falling back to <c>&lt;root&gt;/&lt;versionFolder&gt;/&lt;name&gt;.yaml</c>. Names that would
/// leave the root (<c>../x</c>, absolute paths) are refused. A <c>.scriban</c> file is an error: the hand-written
/// Scriban ports are retired. The file system is touched only when templates are asked for.
/// </summary>
public sealed class DirectoryTemplateSource : ITemplateSource, ITemplateFileNames
{
    private const string Extension = ".yaml";
    private const string RetiredExtension = ".scriban";
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
    /// <exception cref="KubeInjectException">A <c>.scriban</c> file in the directory (a retired Scriban port).</exception>
    public IReadOnlyList<string> Names(string versionFolder)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var dir in new[] { _root, Confine(Path.Combine(_root, versionFolder)) })
        {
            if (dir is null || !System.IO.Directory.Exists(dir)) continue;
            if (System.IO.Directory.EnumerateFiles(dir, "*" + RetiredExtension).Order(StringComparer.Ordinal).FirstOrDefault() is { } port)
                throw new KubeInjectException(
                    $"Scriban template ports are retired: --templates now takes Istio's Go templates, one file per template named as in the injector ConfigMap's templates (e.g. sidecar.yaml, the text of templates.sidecar); `kube-inject templates convert FILE` shows how a Go template is translated",
                    new SourceLocation(port), ErrorKind.BadInput);
            foreach (var file in System.IO.Directory.EnumerateFiles(dir, "*" + Extension))
                names.Add(Path.GetFileNameWithoutExtension(file));
        }
        return [.. names];
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
