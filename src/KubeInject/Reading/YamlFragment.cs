using KubeInject.Diagnostics;
using KubeInject.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeInject.Reading;

/// <summary>
/// Parses generated YAML (a rendered template) into a tree of created nodes: no source spans, so the
/// writer emits them fresh instead of copying text from the generated string.
/// </summary>
internal static class YamlFragment
{
    public static YNode? Parse(string text, string name)
    {
        try
        {
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            return new YamlTreeBuilder(parser, null).ReadDocumentBody(out _);
        }
        catch (YamlException e)
        {
            throw new KubeInjectException($"invalid YAML: {e.Message}", new SourceLocation(name, -1, (int)e.Start.Line, (int)e.Start.Column), ErrorKind.BadInput, e);
        }
    }
}
