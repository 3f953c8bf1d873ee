namespace KubeInject.Rendering;

/// <summary>Optional for an <see cref="ITemplateSource"/>: the file name error messages should show for a template.</summary>
internal interface ITemplateFileNames
{
    /// <summary>The name under which template <paramref name="name"/> of <paramref name="versionFolder"/> is reported.</summary>
    string FileName(string versionFolder, string name);
}
