using KubeInject.Versions;

namespace KubeInject.Tests.Versions;

/// <summary>The bundled version folders plus folders held in memory: a test's stand-in for adding a folder under templates/.</summary>
internal sealed class ExtraVersionFiles(IVersionFiles bundled, Dictionary<string, Dictionary<string, string>> extra) : IVersionFiles
{
    public IReadOnlyList<string> Folders() => [.. bundled.Folders(), .. extra.Keys];

    public string? Read(string folder, string file) =>
        extra.TryGetValue(folder, out var files) ? files.GetValueOrDefault(file) : bundled.Read(folder, file);

    /// <summary>Only <paramref name="folder"/>, holding <paramref name="files"/>.</summary>
    public static ExtraVersionFiles Only(string folder, Dictionary<string, string> files) => new(new NoFiles(), new() { [folder] = files });

    /// <summary>A copy of a bundled folder's files, with <paramref name="change"/> applied to each text.</summary>
    public static Dictionary<string, string> CopyOf(IstioVersionProfile profile, Func<string, string, string> change)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in new[] { ProfileYaml.FileName, "values.yaml", "mesh.yaml" }.Concat(KubeInject.GoTemplates.BundledGoTemplates.Files.Values))
            files[file] = change(file, profile.ReadFile(file)!);
        return files;
    }

    private sealed class NoFiles : IVersionFiles
    {
        public IReadOnlyList<string> Folders() => [];
        public string? Read(string folder, string file) => null;
    }
}
