namespace KubeInject.Versions;

/// <summary>
/// Where the version folders (<c>istio-&lt;major.minor&gt;/</c> with <c>profile.yaml</c>, Istio's templates, values and
/// mesh) are read from: the library's embedded resources, or for tests a set that adds a folder.
/// </summary>
internal interface IVersionFiles
{
    /// <summary>The folder names, e.g. <c>istio-1.30</c>, of every folder that holds a <c>profile.yaml</c>.</summary>
    IReadOnlyList<string> Folders();

    /// <summary>The text of <paramref name="file"/> in <paramref name="folder"/>, or null when it is not there.</summary>
    string? Read(string folder, string file);

    /// <summary>The name messages give a file, e.g. <c>templates/istio-1.30/profile.yaml</c>.</summary>
    string NameOf(string folder, string file) => $"templates/{folder}/{file}";
}
