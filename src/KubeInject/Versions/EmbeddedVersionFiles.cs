using System.Reflection;

namespace KubeInject.Versions;

/// <summary>The bundled version folders: the library's embedded resources <c>templates/&lt;folder&gt;/&lt;file&gt;</c>.</summary>
internal sealed class EmbeddedVersionFiles : IVersionFiles
{
    private const string Prefix = "templates/";
    private const string ProfileSuffix = "/" + ProfileYaml.FileName;
    private static readonly Assembly Library = typeof(EmbeddedVersionFiles).Assembly;

    /// <summary>The one instance (the resources do not change).</summary>
    public static EmbeddedVersionFiles Instance { get; } = new();

    private EmbeddedVersionFiles() { }

    /// <inheritdoc />
    public IReadOnlyList<string> Folders() =>
        [.. Library.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(ProfileSuffix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^ProfileSuffix.Length])
            .Where(folder => !folder.Contains('/'))];

    /// <inheritdoc />
    public string? Read(string folder, string file)
    {
        using var stream = Library.GetManifestResourceStream(Prefix + folder + "/" + file);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
