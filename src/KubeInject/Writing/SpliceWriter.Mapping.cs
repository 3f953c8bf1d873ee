using KubeInject.Yaml;

namespace KubeInject.Writing;

internal sealed partial class SpliceWriter
{
    private void WriteMappingBody(YMapping m, int column, bool inlineFirst, int openingEnd, bool splice)
    {
        var bounds = splice ? LeadingBounds(m, column, openingEnd) : null;
        for (int i = 0; i < m.Count; i++)
        {
            var e = m.Entries[i];
            bool inline = i == 0 && inlineFirst;
            if (!inline) EnsureLineBreak();
            if (bounds is not null && bounds.TryGetValue(e, out int bound))
                WriteOwnEntry(e, column, inline, bound);
            else
            {
                if (!inline) Indent(column);
                WriteKey(e.Key);
                WriteAfterKey(e, column, ownKey: false);
            }
        }
    }

    // An entry whose key is in this mapping's source text: its leading comment lines and indentation are copied,
    // and, when its value is still the parsed one and unchanged, the whole entry through its inline comment.
    private void WriteOwnEntry(YEntry e, int column, bool inline, int bound)
    {
        var ks = e.Key.Source!;
        string t = ks.Text.Value;
        if (!inline)
        {
            int ls = SourceScan.LineStart(t, ks.Start);
            Copy(ks.Text, SourceScan.LeadingLinesStart(t, ls, bound), ls);
            if (ks.Start - ls == column && SourceScan.IsBlank(t, ls, ks.Start)) Copy(ks.Text, ls, ks.Start);
            else Indent(column);
        }
        if (ValueInPlace(e) && Copyable(e.Value))
        {
            Copy(ks.Text, ks.Start, SourceScan.PastLineEnd(t, e.Value.Source!.End));
            EnsureLineBreak();
            return;
        }
        Copy(ks.Text, ks.Start, ks.End);
        WriteAfterKey(e, column, ownKey: true);
    }

    /// <summary>
    /// Writes what follows a key: the colon, the value and the end of the line (for block values, their lines).
    /// <paramref name="ownKey"/> says the key was spliced from its source, so the text after it there may be reused.
    /// </summary>
    private void WriteAfterKey(YEntry e, int keyColumn, bool ownKey)
    {
        var v = e.Value;
        bool inPlace = ownKey && ValueInPlace(e);
        bool flowInPlace = inPlace && v is YMapping { IsFlow: true } or YSequence { IsFlow: true };
        // The key line's comment stays: "image: old # pinned" -> "image: new # pinned"; for a flow collection
        // turned into a block, "annotations: {} # note" -> "annotations: # note".
        string comment = !ownKey ? "" : flowInPlace ? TailComment(v.Source!) : CommentAfterColon(e.Key.Source!);
        if (v is YScalar s)
        {
            output.Append(':');
            AppendScalarLine(ScalarText(s, keyColumn, keyColumn + style.Indent), afterIndicator: true, comment);
            return;
        }
        int count = v is YMapping m ? m.Count : ((YSequence)v).Count;
        if (inPlace && IsSpliceable(v) && count > 0)
        {
            // The key's line (colon, anchor, comment) and the comment lines above the first child stay as they were.
            var src = v.Source!;
            string t = src.Text.Value;
            int cs = ContentStart(v);
            int ls = SourceScan.LineStart(t, cs);
            if (ls > e.Key.Source!.End)
            {
                Copy(src.Text, e.Key.Source.End, ls);
                WriteBody(v, SourceScan.Column(t, cs), inlineFirst: false, openingEnd: ls, splice: true);
                return;
            }
        }
        if (MovedOneLine(v) is { } line)
        {
            output.Append(": ").Append(line).Append(comment).Append(NewLine);
            return;
        }
        int blockColumn = MovedBlockColumn(v);
        if (blockColumn > keyColumn || blockColumn == keyColumn && v is YSequence)
        {
            output.Append(':').Append(comment).Append(NewLine);
            Indent(blockColumn);
            CopyMovedBlock(v);
            return;
        }
        // A changed flow collection keeps its anchor when it turns into a block.
        string props = flowInPlace ? FlowProperties(v) : "";
        if (count == 0)
        {
            output.Append(": ").Append(props.Length > 0 ? props + " " : "").Append(v is YMapping ? "{}" : "[]").Append(comment).Append(NewLine);
            return;
        }
        output.Append(':').Append(props.Length > 0 ? " " + props : "").Append(comment).Append(NewLine);
        int column = keyColumn + (v is YMapping ? style.Indent : style.SequenceIndent);
        WriteBody(v, column, inlineFirst: false, openingEnd: -1, splice: false);
    }

    // Own keys of a spliced mapping, each with the offset its leading comment lines may not reach below: the end
    // of the line where the previous own entry (by source position) ended, so no text is copied twice.
    private static Dictionary<YEntry, int>? LeadingBounds(YMapping m, int column, int openingEnd)
    {
        var src = m.Source!;
        string t = src.Text.Value;
        var own = m.Entries
            .Where(e => e.Key.Source is { } ks && ReferenceEquals(ks.Text, src.Text) && ks.Start >= src.Start && ks.End <= src.End
                        && SourceScan.Column(t, ks.Start) == column)
            .OrderBy(e => e.Key.Source!.Start)
            .ToList();
        var bounds = new Dictionary<YEntry, int>(ReferenceEqualityComparer.Instance);
        int bound = openingEnd;
        foreach (var e in own)
        {
            if (bounds.ContainsKey(e)) continue;
            bounds[e] = bound;
            int end = ValueInPlace(e) ? e.Value.Source!.End : e.Key.Source!.End;
            bound = Math.Max(bound, SourceScan.PastLineEnd(t, end));
        }
        return bounds;
    }

    // True when the entry's value is the node parsed right after its key (same text, only ":" and blanks between).
    private static bool ValueInPlace(YEntry e) =>
        e.Key.Source is { } ks && e.Value.Source is { } vs && ReferenceEquals(ks.Text, vs.Text) && vs.Start >= ks.End
        && SourceScan.IsKeyValueSeparator(ks.Text.Value, ks.End, vs.Start);

    private static string CommentAfterColon(SourceSpan key)
    {
        string t = key.Text.Value;
        int colon = t.IndexOf(':', key.End);
        return colon < 0 ? "" : SourceScan.TrailingComment(t, colon + 1);
    }

    // The comment after a flow collection's closing bracket on its line, blanks before '#' included.
    private static string TailComment(SourceSpan span)
    {
        string t = span.Text.Value;
        int eol = SourceScan.PastLineEnd(t, span.End);
        if (!SourceScan.IsCommentOrBlankLine(t, span.End, eol)) return "";
        string tail = t[span.End..eol].TrimEnd('\r', '\n');
        return tail.Trim().Length > 0 ? tail : "";
    }

    // "&anchor !tag" in front of a parsed flow collection's bracket, or "".
    private static string FlowProperties(YNode node)
    {
        if (node.Source is not { } src || src.End <= src.Start) return "";
        string t = src.Text.Value;
        int i = src.Start;
        while (i < src.End && t[i] is not ('{' or '[')) i++;
        return i >= src.End ? "" : t[src.Start..i].Trim();
    }
}
