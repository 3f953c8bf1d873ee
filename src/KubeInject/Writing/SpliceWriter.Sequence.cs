using KubeInject.Yaml;

namespace KubeInject.Writing;

internal sealed partial class SpliceWriter
{
    private void WriteSequenceBody(YSequence q, int column, bool inlineFirst, int openingEnd, bool splice)
    {
        var dashes = splice ? OwnDashes(q, column, openingEnd) : null;
        for (int i = 0; i < q.Count; i++)
        {
            var item = q.Items[i];
            bool inline = i == 0 && inlineFirst;
            if (!inline) EnsureLineBreak();
            if (dashes is not null && dashes.TryGetValue(item, out var own))
                WriteOwnItem(item, own.Dash, column, inline, own.Bound);
            else
            {
                if (!inline) Indent(column);
                WriteItem(item, column);
            }
        }
    }

    // An item whose dash is in this sequence's source text: leading comment lines, indentation and dash are copied,
    // and an unchanged item through its inline comment.
    private void WriteOwnItem(YNode item, int dash, int column, bool inline, int bound)
    {
        var src = item.Source!;
        string t = src.Text.Value;
        if (!inline)
        {
            int ls = SourceScan.LineStart(t, dash);
            Copy(src.Text, SourceScan.LeadingLinesStart(t, ls, bound), ls);
            if (dash - ls == column && SourceScan.IsBlank(t, ls, dash)) Copy(src.Text, ls, dash);
            else Indent(column);
        }
        if (Copyable(item))
        {
            Copy(src.Text, dash, SourceScan.PastLineEnd(t, src.End));
            EnsureLineBreak();
            return;
        }
        if (IsSpliceable(item) && (item is YMapping { Count: > 0 } || item is YSequence { Count: > 0 }))
        {
            // "- name: x" keeps its first key on the dash line; "-\n  name: x" keeps its layout too.
            int cs = ContentStart(item);
            int ls = SourceScan.LineStart(t, cs);
            if (ls <= dash)
            {
                Copy(src.Text, dash, cs);
                WriteBody(item, SourceScan.Column(t, cs), inlineFirst: true, openingEnd: cs, splice: true);
            }
            else
            {
                Copy(src.Text, dash, ls);
                WriteBody(item, SourceScan.Column(t, cs), inlineFirst: false, openingEnd: ls, splice: true);
            }
            return;
        }
        WriteItem(item, column);
    }

    /// <summary>Writes <c>-</c> and an item that is new here (created, moved, or a changed flow collection).</summary>
    private void WriteItem(YNode item, int dashColumn)
    {
        output.Append('-');
        if (item is YScalar s)
        {
            AppendScalarLine(ScalarText(s, dashColumn, dashColumn + style.Indent), afterIndicator: true);
            return;
        }
        if (MovedOneLine(item) is { } line)
        {
            output.Append(' ').Append(line).Append(NewLine);
            return;
        }
        int blockColumn = MovedBlockColumn(item);
        if (blockColumn >= dashColumn + 2)
        {
            output.Append(' ', blockColumn - dashColumn - 1);
            CopyMovedBlock(item);
            return;
        }
        int count = item is YMapping m ? m.Count : ((YSequence)item).Count;
        if (count == 0)
        {
            output.Append(item is YMapping ? " {}" : " []").Append(NewLine);
            return;
        }
        // Kubernetes style: a mapping item starts on the dash line and its other keys line up under the first.
        output.Append(' ');
        WriteBody(item, dashColumn + 2, inlineFirst: true, openingEnd: -1, splice: false);
    }

    // Items whose dash belongs to this sequence in its source text, with the dash offset and the offset their
    // leading comment lines may not reach below (the end of the previous own item's last line).
    private static Dictionary<YNode, (int Dash, int Bound)> OwnDashes(YSequence q, int column, int openingEnd)
    {
        var src = q.Source!;
        string t = src.Text.Value;
        var own = new List<(YNode Item, int Dash)>();
        foreach (var item in q.Items)
        {
            if (item.Source is not { } s || !ReferenceEquals(s.Text, src.Text) || s.Start < src.Start || s.End > src.End) continue;
            int dash = SourceScan.DashBefore(t, s.Start, src.Start);
            if (dash >= 0 && SourceScan.Column(t, dash) == column) own.Add((item, dash));
        }
        var result = new Dictionary<YNode, (int, int)>(ReferenceEqualityComparer.Instance);
        int bound = openingEnd;
        foreach (var (item, dash) in own.OrderBy(o => o.Dash))
        {
            if (result.ContainsKey(item)) continue;
            result[item] = (dash, bound);
            bound = Math.Max(bound, SourceScan.PastLineEnd(t, item.Source!.End));
        }
        return result;
    }
}
