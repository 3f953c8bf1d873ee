using KubeInject.Diagnostics;
using KubeInject.Rendering;

namespace KubeInject.GoTemplates;

/// <summary>
/// Puts the Go templates of an <see cref="ITemplateSource"/> (<c>--templates DIR</c>) in place of the stock or the
/// cluster's templates of the same name, compiled up front as Istio compiles its ConfigMap's templates.
/// </summary>
internal static class TemplateOverrides
{
    /// <summary><paramref name="templates"/> with every template of <paramref name="source"/> in place (or added).</summary>
    /// <exception cref="KubeInjectException">A template that does not parse, naming its file, line and problem.</exception>
    public static IReadOnlyDictionary<string, GoTemplate> Apply(IReadOnlyDictionary<string, GoTemplate> templates, ITemplateSource source, string versionFolder)
    {
        var result = new Dictionary<string, GoTemplate>(templates, StringComparer.Ordinal);
        foreach (var name in source.Names(versionFolder))
        {
            string fileName = (source as ITemplateFileNames)?.FileName(versionFolder, name) ?? name;
            var text = source.Load(versionFolder, name)
                ?? throw new KubeInjectException($"template \"{name}\" is listed but cannot be read", new SourceLocation(fileName), ErrorKind.MissingInput);
            try
            {
                result[name] = GoTemplate.Compile(name, text);
            }
            catch (KubeInjectException e)
            {
                throw new KubeInjectException($"{fileName}: {e.Message}", e.Location, e.Kind, e);
            }
        }
        return result;
    }
}
