namespace KubeInject.Rendering;

/// <summary>Placeholder until the template host lands.</summary>
public sealed class DirectoryTemplateSource(string root) : ITemplateSource
{
    /// <inheritdoc />
    public string? Load(string versionFolder, string name) => throw new NotImplementedException(root);

    /// <inheritdoc />
    public IReadOnlyList<string> Names(string versionFolder) => [];
}
