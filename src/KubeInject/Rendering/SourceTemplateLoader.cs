using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace KubeInject.Rendering;

/// <summary>Lets a template <c>include</c> another template of the same source and version folder.</summary>
internal sealed class SourceTemplateLoader(ITemplateSource source, string versionFolder) : ITemplateLoader
{
    /// <inheritdoc />
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

    /// <inheritdoc />
    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        source.Load(versionFolder, templatePath)
        ?? throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"included template \"{templatePath}\" not found");

    /// <inheritdoc />
    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
