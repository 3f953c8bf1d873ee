using KubeInject.Yaml;

namespace KubeInject.Writing;

/// <summary>One-line flow rendering of a node, for messages and debugging.</summary>
internal static class FlowText
{
    public static string Of(YNode node) => node switch
    {
        YScalar s => s.Kind == ScalarKind.String && ScalarResolver.LooksLikeNonString(s.Value) || s.Value.Length == 0 && s.Kind == ScalarKind.String
            ? "\"" + s.Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""
            : s.Value,
        YMapping m => "{" + string.Join(", ", m.Entries.Select(e => e.Name + ": " + Of(e.Value))) + "}",
        YSequence q => "[" + string.Join(", ", q.Items.Select(Of)) + "]",
        _ => "?",
    };
}
