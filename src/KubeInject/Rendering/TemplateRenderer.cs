using System.Collections.Concurrent;
using System.Text;
using KubeInject.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace KubeInject.Rendering;

/// <summary>
/// Renders an injection template to YAML text. Templates are parsed once per (source, version folder, name)
/// and cached; every render gets its own <see cref="GoTemplateContext"/>, so one renderer can serve
/// concurrent callers. Parse and runtime errors become <see cref="KubeInjectException"/>s naming the template
/// file, line and column.
/// </summary>
internal sealed class TemplateRenderer
{
    // Rendered pods are small, but a values file can carry large strings; Scriban's default of 1 MiB
    // would silently truncate with "...".
    private const int StringLimit = 64 * 1024 * 1024;

    private readonly ConcurrentDictionary<(ITemplateSource Source, string Folder, string Name), Template> _cache = new();
    // One output builder per thread, reused: growing a fresh one to a sidecar's size by doubling was half of a
    // render's garbage.
    [ThreadStatic] private static StringBuilder? t_output;

    private readonly LazyScribanBuiltins _scribanBuiltins = new(GoTemplateContext.BuildScribanBuiltins);

    /// <summary>Whether a render of this renderer reached Scriban's own builtin functions (which are built on first use).</summary>
    internal bool BuiltScribanBuiltins => _scribanBuiltins.Built;

    /// <summary>Renders template <paramref name="templateName"/> of <paramref name="versionFolder"/> from <paramref name="source"/> with <paramref name="data"/>.</summary>
    public string Render(ITemplateSource source, string versionFolder, string templateName, TemplateData data)
    {
        var template = _cache.GetOrAdd((source, versionFolder, templateName), key => Parse(key.Source, key.Folder, key.Name));
        var globals = TemplateModel.Build(data);
        var context = new GoTemplateContext(_scribanBuiltins)
        {
            Environment = data.Environment,
            ProxyConfigJson = data.ProxyConfigJson,
            MultusNamespaceMatching = data.MultusNamespaceMatching,
            ProxyConfig = globals["proxy_config"] as ScriptObject,
            StrictVariables = true,
            // Go lets templates walk into missing map keys (".Values.a.b" with no "a" is just empty);
            // without this Scriban throws on a member of null.
            EnableRelaxedTargetAccess = true,
            LimitToString = StringLimit,
            // Go inserts multi-line values verbatim; Scriban would re-indent them to the tag's column,
            // doubling what `indent`/`nindent` already did.
            AutoIndent = false,
            TemplateLoader = new SourceTemplateLoader(source, versionFolder),
        };
        context.PushGlobal(TemplateFunctions.Shared);
        context.PushGlobal(globals);
        var output = t_output ?? new StringBuilder(16 * 1024);
        t_output = null;
        context.PushOutput(new StringBuilderOutput(output));
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new KubeInjectException($"template \"{templateName}\" failed: {e.OriginalMessage}", Location(e.Span), ErrorKind.BadInput, e);
        }
        finally
        {
            output.Clear();
            if (output.Capacity <= 1 << 20) t_output = output;
        }
    }

    private static Template Parse(ITemplateSource source, string versionFolder, string name)
    {
        var text = source.Load(versionFolder, name);
        if (text is null)
        {
            var names = source.Names(versionFolder);
            throw new KubeInjectException($"requested template \"{name}\" not found; have {string.Join(", ", names)}", null, ErrorKind.BadInput);
        }
        string fileName = (source as ITemplateFileNames)?.FileName(versionFolder, name) ?? $"templates/{versionFolder}/{name}.scriban";
        var template = Template.Parse(text, fileName);
        if (template.HasErrors)
        {
            var errors = template.Messages.Where(m => m.Type == ParserMessageType.Error).ToList();
            var first = errors.Count > 0 ? errors[0] : template.Messages[0];
            var detail = string.Join("; ", errors.Select(m => m.Message).Distinct());
            throw new KubeInjectException($"template \"{name}\" does not parse: {detail}", Location(first.Span), ErrorKind.BadInput);
        }
        return template;
    }

    private static SourceLocation Location(SourceSpan span) =>
        new(span.FileName ?? "template", -1, span.Start.Line + 1, span.Start.Column + 1);
}
