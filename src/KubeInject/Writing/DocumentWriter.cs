using System.Text;
using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Writing;

/// <summary>
/// Writes one <see cref="ManifestDocument"/> back as text. An unchanged document is its input text, byte for
/// byte. A changed one keeps its text before the root node (<c>---</c>, header comments, BOM) and after it
/// (trailing comments, <c>...</c>) verbatim and has its body spliced by <see cref="SpliceWriter"/>.
/// </summary>
internal static class DocumentWriter
{
    /// <summary>Writes the document to <paramref name="output"/>.</summary>
    public static void Write(ManifestDocument doc, TextWriter output) => output.Write(ToText(doc));

    /// <summary>
    /// The document's text as it should be written. A changed document is spliced; the result is read back and
    /// compared with the tree, and if it does not mean the same (an alias whose anchor changed, or a layout the
    /// splice got wrong) the document is written again with less reuse of its source (see <see cref="SpliceMode"/>):
    /// losing a comment is better than changing a manifest's meaning.
    /// </summary>
    public static string ToText(ManifestDocument doc)
    {
        var root = doc.Root;
        if (root is null || InPlace(doc) && root.IsPristine) return doc.Text;
        if (JsonDocumentWriter.IsJson(doc)) return JsonDocumentWriter.Render(doc);
        // Splicing an alias-free document is exact (the random-edit tests hold it to that without any
        // fallback), so only documents the parser saw anchors or aliases in pay for the read-back check.
        if (!doc.HasAnchorsOrAliases) return Render(doc, SpliceMode.Splice);
        foreach (var mode in (ReadOnlySpan<SpliceMode>)[SpliceMode.Splice, SpliceMode.ExpandAliases, SpliceMode.Rewrite])
        {
            string text = Render(doc, mode);
            if (ReadsBackAs(text, root)) return text;
        }
        throw new InvalidOperationException($"document {doc.Index + 1} (line {doc.Line}) cannot be written so that it reads back as its tree");
    }

    // One builder per thread, reused: an injected document is ten times its input, and growing a fresh builder
    // to that by doubling made most of the writer's garbage.
    [ThreadStatic] private static StringBuilder? t_builder;

    /// <summary>Writes a changed document's text in one <see cref="SpliceMode"/>, without checking it.</summary>
    internal static string Render(ManifestDocument doc, SpliceMode mode)
    {
        var sb = t_builder ?? new StringBuilder(doc.Text.Length + 256);
        t_builder = null;
        try
        {
            Render(doc, mode, sb);
            return sb.ToString();
        }
        finally
        {
            sb.Clear();
            if (sb.Capacity <= 1 << 20) t_builder = sb;
        }
    }

    private static void Render(ManifestDocument doc, SpliceMode mode, StringBuilder sb)
    {
        var root = doc.Root!;
        string t = doc.Source;
        int start = doc.Start, end = doc.End;
        var rs = root.Source;
        bool inPlace = InPlace(doc) && mode != SpliceMode.Rewrite;

        var style = WriteStyle.Detect(doc.Text, root);
        var writer = new SpliceWriter(sb, style, t, mode);
        if (!inPlace)
        {
            // A root that replaced the parsed one (or a rewrite): keep the document's leading separator and comments only.
            sb.Append(t, start, LeadingTriviaEnd(t, start, end) - start);
            writer.WriteFreshRoot(root);
            return;
        }

        int bodyEnd = Math.Min(SourceScan.PastLineEnd(t, rs!.End), end);
        if (SpliceWriter.IsSpliceable(root) && root is YMapping { Count: > 0 } or YSequence { Count: > 0 })
        {
            int cs = SpliceWriter.ContentStart(root);
            // A byte order mark sits before the first line's text; it is not part of the line.
            int lineFloor = start < t.Length && t[start] == '\uFEFF' ? start + 1 : start;
            int ls = Math.Max(SourceScan.LineStart(t, cs), lineFloor);
            bool ownLine = SourceScan.IsBlank(t, ls, cs);
            int prefixEnd = ownLine ? ls : cs;
            sb.Append(t, start, prefixEnd - start);
            writer.WriteBody(root, SourceScan.Column(t, cs), inlineFirst: !ownLine, openingEnd: prefixEnd, splice: true);
        }
        else
        {
            // Scalar, flow or emptied root: keep what precedes it on its line ("--- "), unless it becomes a block.
            string prefix = t[start..rs.Start];
            bool becomesBlock = root is YMapping { Count: > 0 } or YSequence { Count: > 0 };
            if (becomesBlock && !SourceScan.AtLineStart(t, rs.Start))
                prefix = prefix.TrimEnd(' ', '\t') + style.NewLine;
            sb.Append(prefix);
            writer.WriteFreshRoot(root);
        }
        // A document that ended without a line break still does, unless its last line ends a block scalar
        // (whose final line break is part of its value).
        if (bodyEnd == end && end > start && t[end - 1] != '\n' && sb.Length > 0 && sb[^1] == '\n' && writer.BlockScalarEnd != sb.Length)
            sb.Length -= sb.Length > 1 && sb[^2] == '\r' ? 2 : 1;
        sb.Append(t, bodyEnd, end - bodyEnd);
    }

    private static bool InPlace(ManifestDocument doc) =>
        doc.Root?.Source is { } rs && ReferenceEquals(rs.Text.Value, doc.Source) && rs.Start >= doc.Start && rs.End <= doc.End;

    // The written text, parsed alone, holds one document whose tree means the same as the one written.
    internal static bool ReadsBackAs(string text, YNode root)
    {
        try
        {
            var roots = ManifestReader.Read(text, "").Where(d => d.Root is not null).ToList();
            return roots.Count == 1 && root.SemanticEquals(roots[0].Root);
        }
        catch (KubeInjectException)
        {
            return false;
        }
    }

    // End of the document's leading lines that are blank, comments, directives or a bare "---" separator.
    private static int LeadingTriviaEnd(string t, int start, int end)
    {
        int i = start;
        while (i < end)
        {
            int nl = t.IndexOf('\n', i);
            int eol = nl < 0 ? t.Length : nl + 1;
            string line = t[i..Math.Min(eol, end)].Trim().TrimStart('\uFEFF');
            bool trivia = line.Length == 0 || line[0] is '#' or '%' || line == "---" || line.StartsWith("--- #", StringComparison.Ordinal);
            if (!trivia) break;
            i = Math.Min(eol, end);
        }
        return i;
    }
}
