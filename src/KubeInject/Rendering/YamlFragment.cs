using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeInject.Rendering;

/// <summary>
/// Parses generated YAML (a rendered template) into a tree of created nodes: no source spans, so the
/// writer emits them fresh instead of copying text from the generated string. The common subset goes through
/// <see cref="BlockYamlParser"/>; everything else, errors included, through YamlDotNet.
/// </summary>
internal static class YamlFragment
{
    /// <summary>
    /// When set (by the tests), every text the fast parser accepts is parsed by YamlDotNet too, and a different tree
    /// throws: the fast path is held to the reference parser over every template the tests render.
    /// </summary>
    internal static bool VerifyFastParser { get; set; }

    private static int _fallbacks;

    /// <summary>How many texts the fast parser handed to YamlDotNet since the process started.</summary>
    internal static int Fallbacks => _fallbacks;

    public static YNode? Parse(string text, string name)
    {
        if (BlockYamlParser.TryParse(text, out var fast))
        {
            if (VerifyFastParser) Verify(fast, ParseWithYamlDotNet(text, name), text);
            return fast;
        }
        Interlocked.Increment(ref _fallbacks);
        return ParseWithYamlDotNet(text, name);
    }

    private static YNode? ParseWithYamlDotNet(string text, string name)
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

    private static void Verify(YNode? fast, YNode? reference, string text)
    {
        var difference = Difference(fast, reference, "");
        if (difference is not null)
            throw new InvalidOperationException($"BlockYamlParser and YamlDotNet disagree at {difference} on:\n{text}");
    }

    /// <summary>The path of the first difference in structure, values, styles, tags or flow flags; null when the trees are the same.</summary>
    internal static string? Difference(YNode? a, YNode? b, string path)
    {
        switch (a, b)
        {
            case (null, null):
                return null;
            case (YScalar x, YScalar y):
                return x.Value == y.Value && x.Style == y.Style && x.Tag == y.Tag ? null
                    : $"{path}: {x.Style} {Show(x.Value)} vs {y.Style} {Show(y.Value)}";
            case (YMapping x, YMapping y):
            {
                if (x.IsFlow != y.IsFlow || x.Count != y.Count) return $"{path}: mapping (flow {x.IsFlow}, {x.Count} keys) vs (flow {y.IsFlow}, {y.Count} keys)";
                var ex = x.Entries.ToList();
                var ey = y.Entries.ToList();
                for (int i = 0; i < ex.Count; i++)
                {
                    if (Difference(ex[i].Key, ey[i].Key, $"{path}.<key {i}>") is { } k) return k;
                    if (Difference(ex[i].Value, ey[i].Value, $"{path}.{ex[i].Name}") is { } v) return v;
                }
                return null;
            }
            case (YSequence x, YSequence y):
            {
                if (x.IsFlow != y.IsFlow || x.Items.Count != y.Items.Count) return $"{path}: sequence (flow {x.IsFlow}, {x.Items.Count} items) vs (flow {y.IsFlow}, {y.Items.Count} items)";
                for (int i = 0; i < x.Items.Count; i++)
                    if (Difference(x.Items[i], y.Items[i], $"{path}[{i}]") is { } d) return d;
                return null;
            }
            default:
                return $"{path}: {a?.GetType().Name ?? "null"} vs {b?.GetType().Name ?? "null"}";
        }
    }

    // A JSON string literal; through JsonNode, which needs no reflection (the CLI is also built native AOT).
    private static string Show(string value) => System.Text.Json.Nodes.JsonValue.Create(value).ToJsonString();
}
