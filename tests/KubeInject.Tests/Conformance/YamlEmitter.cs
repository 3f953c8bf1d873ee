using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using KubeInject.Yaml;

namespace KubeInject.Tests.Conformance;

/// <summary>
/// Writes a YAML tree as block YAML, for the merged mesh config handed to the injector. Every string is
/// double-quoted (JSON escaping is valid YAML) so no value changes type on the way back in; other scalars
/// are written as they were read.
/// </summary>
internal static partial class YamlEmitter
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_./-]*$")]
    private static partial Regex PlainKey();

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Emit(YNode? root)
    {
        var sb = new StringBuilder();
        switch (root)
        {
            case YMapping { Count: > 0 } m: Mapping(sb, m, 0, false); break;
            case YSequence { Count: > 0 } q: Sequence(sb, q, 0); break;
            case null: sb.Append("{}\n"); break;
            default: Value(sb, root, 0); break;
        }
        return sb.ToString().TrimStart(' ');
    }

    private static void Mapping(StringBuilder sb, YMapping m, int indent, bool firstInline)
    {
        for (int i = 0; i < m.Count; i++)
        {
            if (i > 0 || !firstInline) sb.Append(' ', indent);
            sb.Append(Key(m.Entries[i].Name)).Append(':');
            Value(sb, m.Entries[i].Value, indent);
        }
    }

    // Writes what follows "key:" or "-": a scalar or empty collection on the same line, else a nested block.
    private static void Value(StringBuilder sb, YNode v, int indent)
    {
        switch (v)
        {
            case YMapping { Count: 0 }: sb.Append(" {}\n"); break;
            case YSequence { Count: 0 }: sb.Append(" []\n"); break;
            case YMapping m: sb.Append('\n'); Mapping(sb, m, indent + 2, false); break;
            case YSequence q: sb.Append('\n'); Sequence(sb, q, indent); break;
            case YScalar s: sb.Append(' ').Append(Scalar(s)).Append('\n'); break;
        }
    }

    private static void Sequence(StringBuilder sb, YSequence q, int indent)
    {
        foreach (var item in q.Items)
        {
            sb.Append(' ', indent).Append('-');
            if (item is YMapping { Count: > 0 } m) { sb.Append(' '); Mapping(sb, m, indent + 2, true); }
            else if (item is YSequence { Count: > 0 } inner) { sb.Append('\n'); Sequence(sb, inner, indent + 2); }
            else Value(sb, item, indent);
        }
    }

    private static string Scalar(YScalar s) => s.Kind == ScalarKind.String ? Quote(s.Value) : s.Value.Length == 0 ? "null" : s.Value;

    private static string Key(string name) =>
        PlainKey().IsMatch(name) && new YScalar(name).Kind == ScalarKind.String ? name : Quote(name);

    private static string Quote(string s) => JsonSerializer.Serialize(s, Json);
}
