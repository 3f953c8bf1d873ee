using System.Reflection;

namespace KubeInject.Rendering;

/// <summary>
/// The stock template ports shipped inside the library, as embedded resources named
/// <c>templates/&lt;versionFolder&gt;/&lt;name&gt;.scriban</c>.
/// </summary>
public sealed class EmbeddedTemplateSource : ITemplateSource, ITemplateFileNames
{
    private const string Prefix = "templates/";
    private const string Extension = ".scriban";
    private static readonly Assembly Library = typeof(EmbeddedTemplateSource).Assembly;

    /// <inheritdoc />
    public string? Load(string versionFolder, string name)
    {
        using var stream = Library.GetManifestResourceStream(ResourceName(versionFolder, name));
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Names(string versionFolder)
    {
        string folder = Prefix + versionFolder + "/";
        return Library.GetManifestResourceNames()
            .Where(n => n.StartsWith(folder, StringComparison.Ordinal) && n.EndsWith(Extension, StringComparison.Ordinal))
            .Select(n => n[folder.Length..^Extension.Length])
            .Where(n => !n.Contains('/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    string ITemplateFileNames.FileName(string versionFolder, string name) => ResourceName(versionFolder, name);

    // e.g. templates/istio-1.23/sidecar.scriban
    private static string ResourceName(string versionFolder, string name) => Prefix + versionFolder + "/" + name + Extension;
}
