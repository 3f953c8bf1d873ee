using KubeInject.Yaml;

namespace KubeInject.Writing;

/// <summary>
/// How new YAML text is laid out in a document, taken from the document itself so inserted lines look
/// like their neighbours: line break, indentation width, and whether sequences under a key are indented.
/// </summary>
/// <param name="NewLine"><c>"\r\n"</c> when the document uses CRLF, else <c>"\n"</c>.</param>
/// <param name="Indent">Columns a nested mapping is indented by (2 unless the document shows otherwise).</param>
/// <param name="SequenceIndent">
/// Columns a block sequence's <c>-</c> is indented past the key it belongs to: 0 (<c>key:\n- a</c>, kubectl's
/// and Go's style, the default) or usually 2 (<c>key:\n  - a</c>).
/// </param>
internal sealed record WriteStyle(string NewLine, int Indent, int SequenceIndent)
{
    /// <summary>The style for documents that show none: LF, 2 spaces, sequences not indented.</summary>
    public static WriteStyle Default { get; } = new("\n", 2, 0);

    /// <summary>Detects the style of a document from its text and (parsed) tree.</summary>
    public static WriteStyle Detect(string documentText, YNode? root)
    {
        string newLine = NewLineOf(documentText);
        int indent = 0, seqIndent = -1;
        if (root is not null) Walk(root, ref indent, ref seqIndent);
        return new WriteStyle(newLine, indent > 0 ? indent : 2, seqIndent >= 0 ? seqIndent : 0);
    }

    /// <summary><c>"\r\n"</c> when the first line break of the text is CRLF, else <c>"\n"</c>.</summary>
    public static string NewLineOf(string text)
    {
        int nl = text.IndexOf('\n');
        return nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
    }

    // The first nested block mapping gives the indentation width; the first block sequence that is a
    // mapping value gives the sequence indentation. Both compare columns in the source text.
    private static void Walk(YNode node, ref int indent, ref int seqIndent)
    {
        if (indent > 0 && seqIndent >= 0) return;
        switch (node)
        {
            case YMapping { IsFlow: false } m:
                foreach (var e in m.Entries)
                {
                    if (e.Key.Source is { } ks && e.Value.Source is { } vs && ReferenceEquals(ks.Text, vs.Text) && vs.Start > ks.Start)
                    {
                        string text = ks.Text.Value;
                        int keyColumn = SourceScan.Column(text, ks.Start);
                        if (e.Value is YMapping { IsFlow: false, Count: > 0 } child && indent == 0 && child.Entries[0].Key.Source is { } cs)
                        {
                            int d = SourceScan.Column(text, cs.Start) - keyColumn;
                            if (d > 0 && SourceScan.LineStart(text, cs.Start) > ks.Start) indent = d;
                        }
                        if (e.Value is YSequence { IsFlow: false, Count: > 0 } && seqIndent < 0 && text[vs.Start] == '-')
                        {
                            int d = SourceScan.Column(text, vs.Start) - keyColumn;
                            if (d >= 0) seqIndent = d;
                        }
                    }
                    Walk(e.Value, ref indent, ref seqIndent);
                }
                break;
            case YSequence { IsFlow: false } q:
                foreach (var item in q.Items) Walk(item, ref indent, ref seqIndent);
                break;
        }
    }
}
