using System.Globalization;
using System.Text;
using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Writing;

/// <summary>
/// JSON stays JSON: a changed document that was written as JSON (its root is a <c>{…}</c> or <c>[…]</c> flow node) is
/// written back as JSON, with the input's indentation (or on one line if it was), the tree's key order and the text
/// around the root kept; nodes the injection did not touch are copied from the input as they were written. YAML-only values (<c>.inf</c>, <c>.nan</c>) cannot occur in a JSON input; injected ones
/// would be written as strings.
/// </summary>
internal static partial class JsonDocumentWriter
{
    /// <summary>Whether <paramref name="doc"/> was written as JSON.</summary>
    public static bool IsJson(ManifestDocument doc)
    {
        if (doc.Root?.Source is not { } rs || !ReferenceEquals(rs.Text.Value, doc.Source)) return false;
        if (doc.Root is not (YMapping { IsFlow: true } or YSequence { IsFlow: true })) return false;
        // JSON quotes its keys; a YAML flow mapping such as {kind: Pod, …} is left to the YAML writer.
        if (doc.Root is YMapping { Count: > 0 } m && m.Entries[0].Key.Style != ScalarStyle.DoubleQuoted) return false;
        // Nothing but white space, a BOM or a "---" line before the root: a JSON file, not a YAML file with a flow root.
        string before = doc.Source[doc.Start..rs.Start].Trim().TrimStart('\uFEFF');
        return before.Length == 0 || before == "---";
    }

    /// <summary>The document with its root written as JSON in the input's layout.</summary>
    public static string Render(ManifestDocument doc)
    {
        var rs = doc.Root!.Source!;
        string source = doc.Source;
        var layout = Layout.Detect(source, rs.Start, rs.End);
        var sb = new StringBuilder(doc.Text.Length + 1024);
        sb.Append(source, doc.Start, rs.Start - doc.Start);
        Write(doc.Root!, sb, layout with { Source = source }, 0);
        sb.Append(source, rs.End, doc.End - rs.End);
        return sb.ToString();
    }

    private sealed record Layout(string? Indent, string NewLine, string Colon, string Comma)
    {
        public string Source { get; init; } = "";

        public static Layout Detect(string text, int start, int end)
        {
            string newLine = text.IndexOf("\r\n", start, end - start, StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";
            int nl = text.IndexOf('\n', start, end - start);
            string colon = text.IndexOf("\": ", start, end - start, StringComparison.Ordinal) >= 0 ? ": " : ":";
            if (nl < 0) return new Layout(null, newLine, colon, text.IndexOf(", ", start, end - start, StringComparison.Ordinal) >= 0 ? ", " : ",");
            int i = nl + 1;
            while (i < end && text[i] is ' ' or '\t') i++;
            string indent = text[(nl + 1)..i];
            return new Layout(indent.Length == 0 ? "  " : indent, newLine, colon, ",");
        }
    }

    private static void Write(YNode node, StringBuilder sb, Layout layout, int depth)
    {
        if (Verbatim(node, layout) is { } span)
        {
            sb.Append(layout.Source, span.Start, span.End - span.Start);
            return;
        }
        switch (node)
        {
            case YMapping m:
                WriteItems(sb, layout, depth, '{', '}', m.Entries, (e, b) =>
                {
                    if (Verbatim(e.Key, layout) is { } key) b.Append(layout.Source, key.Start, key.End - key.Start);
                    else WriteString(e.Name, b);
                    b.Append(layout.Colon);
                    Write(e.Value, b, layout, depth + 1);
                });
                break;
            case YSequence s:
                WriteItems(sb, layout, depth, '[', ']', s.Items, (item, b) => Write(item, b, layout, depth + 1));
                break;
            case YScalar scalar:
                WriteScalar(scalar, sb);
                break;
        }
    }

    private static SourceSpan? Verbatim(YNode node, Layout layout) =>
        node.IsPristine && node.Source is { } span && ReferenceEquals(span.Text.Value, layout.Source) ? span : null;

    private static void WriteItems<T>(StringBuilder sb, Layout layout, int depth, char open, char close, IReadOnlyList<T> items, Action<T, StringBuilder> write)
    {
        sb.Append(open);
        if (items.Count == 0)
        {
            sb.Append(close);
            return;
        }
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(layout.Comma);
            if (layout.Indent is { } indent) sb.Append(layout.NewLine).Insert(sb.Length, indent, depth + 1);
            write(items[i], sb);
        }
        if (layout.Indent is { } closing) sb.Append(layout.NewLine).Insert(sb.Length, closing, depth);
        sb.Append(close);
    }

    private static void WriteScalar(YScalar s, StringBuilder sb)
    {
        switch (s.ToValue())
        {
            case null: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case double d when double.IsFinite(d):
                sb.Append(s.Value.Length > 0 && IsJsonNumber(s.Value) ? s.Value : d.ToString("R", CultureInfo.InvariantCulture));
                break;
            default: WriteString(s.Value, sb); break;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex JsonNumber();

    private static bool IsJsonNumber(string text) => JsonNumber().IsMatch(text);

    // JSON's own escaping (quote, backslash, control characters); other characters, non-ASCII included, are written
    // as they are, as a person writing JSON by hand would.
    private static void WriteString(string value, StringBuilder sb) =>
        sb.Append('"').Append(System.Text.Json.JsonEncodedText.Encode(value, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value).Append('"');
}
