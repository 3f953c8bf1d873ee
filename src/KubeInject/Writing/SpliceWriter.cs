using System.Text;
using KubeInject.Yaml;

namespace KubeInject.Writing;

/// <summary>
/// Writes a changed YAML tree in block style by splicing: every part that is still as parsed is copied from
/// its source text (comments, quoting, blank lines and indentation included), and only what changed is
/// written anew, laid out in the document's <see cref="WriteStyle"/>.
/// <para>
/// Layout rules. A block collection is written as whole lines, one child at a time. An original child
/// (a key or dash of this very collection in the source) brings along the blank and comment-only lines above
/// it and the rest of its last line (its inline comment); a new child gets the collection's column and no
/// comments. So inserting or removing entries keeps each comment with the entry it described.
/// A changed flow collection (<c>annotations: {}</c>) becomes a block collection. Parsed nodes placed
/// somewhere new are copied when their text fits the new place (one line, or a block at a usable column)
/// and re-emitted otherwise.
/// </para>
/// </summary>
/// <param name="output">Where the text goes.</param>
/// <param name="style">Layout for written (not copied) text.</param>
/// <param name="home">The document's whole input text; text copied from any other input gets the document's line breaks.</param>
/// <param name="mode">How much source text may be reused.</param>
internal sealed partial class SpliceWriter(StringBuilder output, WriteStyle style, string? home, SpliceMode mode = SpliceMode.Splice)
{
    private string NewLine => style.NewLine;

    /// <summary>Output length just after the last block scalar this writer emitted (-1 if none): its final line break is content.</summary>
    public int BlockScalarEnd { get; private set; } = -1;

    // Whether a node's source text may be copied for it: unchanged, and in ExpandAliases mode free of aliases.
    private bool Copyable(YNode node) => mode switch
    {
        SpliceMode.Rewrite => false,
        SpliceMode.ExpandAliases => node.IsPristine && !HasAlias(node),
        _ => node.IsPristine,
    };

    private static bool HasAlias(YNode node)
    {
        if (node.Source is { } s && s.End > s.Start && s.Text.Value[s.Start] == '*') return true;
        return node switch
        {
            YMapping m => m.Entries.Any(e => HasAlias(e.Value)),
            YSequence q => q.Items.Any(HasAlias),
            _ => false,
        };
    }

    /// <summary>
    /// Writes a block mapping's or sequence's children as whole lines ending with a line break.
    /// </summary>
    /// <param name="node">A mapping or sequence with at least one child.</param>
    /// <param name="column">Column of the children's keys or dashes.</param>
    /// <param name="inlineFirst">The caller already wrote the text up to the first child's column on the current line (<c>- </c>).</param>
    /// <param name="openingEnd">In splice mode, where the text the caller copied ends: leading comments are not taken from before it.</param>
    /// <param name="splice">True when <paramref name="node"/> is a parsed block collection written in place, so its own children are spliced.</param>
    public void WriteBody(YNode node, int column, bool inlineFirst, int openingEnd, bool splice)
    {
        if (node is YMapping m) WriteMappingBody(m, column, inlineFirst, openingEnd, splice);
        else if (node is YSequence q) WriteSequenceBody(q, column, inlineFirst, openingEnd, splice);
    }

    /// <summary>Writes a node that replaced a document's root (or a root that cannot be spliced) at column 0.</summary>
    public void WriteFreshRoot(YNode root)
    {
        switch (root)
        {
            case YScalar s:
                AppendScalarLine(ScalarText(s, 0, style.Indent), afterIndicator: false);
                break;
            case YMapping { Count: 0 }:
                output.Append("{}").Append(NewLine);
                break;
            case YSequence { Count: 0 }:
                output.Append("[]").Append(NewLine);
                break;
            default:
                WriteBody(root, 0, inlineFirst: false, openingEnd: -1, splice: false);
                break;
        }
    }

    /// <summary>True when the node is a parsed block collection (not an alias) that can be written in place.</summary>
    public static bool IsSpliceable(YNode node) =>
        node is YMapping { IsFlow: false } or YSequence { IsFlow: false }
        && node.Source is { } s && s.End > s.Start && s.Text.Value[s.Start] != '*';

    /// <summary>Offset of a parsed block collection's first key or dash (after anchor, tag and comments).</summary>
    public static int ContentStart(YNode node)
    {
        var s = node.Source!;
        int start = SourceScan.SkipPropertiesAndTrivia(s.Text.Value, s.Start, s.End);
        // A tag or anchor before the first key belongs to the key ("!!str apiVersion: v1"), not to the mapping.
        if (node is YMapping { Count: > 0 } m && m.Entries[0].Key.Source is { } ks && ReferenceEquals(ks.Text, s.Text)
            && ks.Start >= s.Start && ks.Start < start)
            start = ks.Start;
        // On the first key's line they can only be that key's (a block mapping's own properties end their line), also
        // when the key is gone now: "- !!str env:" whose env was replaced must not indent the new keys past the tag.
        else if (node is YMapping { Count: > 0, IsFlow: false })
        {
            string t = s.Text.Value;
            int p = s.Start;
            while (p < start && t[p] is ' ' or '\t') p++;
            if (p < start && t[p] is '&' or '!' && SourceScan.LineStart(t, p) == SourceScan.LineStart(t, start)) start = p;
        }
        return start;
    }

    // Text for a scalar after "key:" or "-": a parsed scalar's own one-line text where it has one, else the formatter's.
    private string ScalarText(YScalar s, int parentColumn, int contentColumn)
    {
        if (Copyable(s) && s.Source is { } src && src.End > src.Start)
        {
            string slice = src.Slice();
            if (!slice.Contains('\n')) return slice;
        }
        return ScalarFormatter.Value(s, parentColumn, contentColumn, NewLine);
    }

    // Appends a scalar's text (after a blank when it follows an indicator) and ends the line; a block scalar
    // already ends with its line break, and nothing may follow it on that line.
    private void AppendScalarLine(string text, bool afterIndicator, string comment = "")
    {
        if (text.Length > 0)
        {
            if (afterIndicator) output.Append(' ');
            output.Append(text);
        }
        if (text.EndsWith('\n')) BlockScalarEnd = output.Length;
        else output.Append(comment).Append(NewLine);
    }

    private void WriteKey(YScalar key)
    {
        if (mode != SpliceMode.Rewrite && key.Source is { } src && src.End > src.Start && !src.Slice().Contains('\n')) output.Append(src.Slice());
        else output.Append(ScalarFormatter.Key(key.Value));
    }

    // A parsed, unchanged node written somewhere else than its source place keeps its text when that text fits
    // the new place: one-line text of a scalar or flow collection fits anywhere (a one-line block mapping
    // "app: web" does not: it cannot follow "key: ")...
    private string? MovedOneLine(YNode node)
    {
        if (node is YMapping { IsFlow: false } or YSequence { IsFlow: false }) return null;
        if (!Copyable(node) || node.Source is not { } src || src.End <= src.Start) return null;
        string slice = src.Slice();
        return slice.Contains('\n') ? null : slice;
    }

    // ...and a block collection fits when its first line can start at its old column, since its other lines
    // keep theirs. Returns the column, or -1.
    private int MovedBlockColumn(YNode node)
    {
        if (!Copyable(node) || !IsSpliceable(node)) return -1;
        return SourceScan.Column(node.Source!.Text.Value, ContentStart(node));
    }

    // Copies a moved block collection from its first key or dash through the end of its last line.
    private void CopyMovedBlock(YNode node)
    {
        var src = node.Source!;
        Copy(src.Text, ContentStart(node), SourceScan.PastLineEnd(src.Text.Value, src.End));
        EnsureLineBreak();
    }

    /// <summary>Copies source text; text from another input (a rendered template) gets the document's line breaks.</summary>
    private void Copy(SourceText text, int from, int to)
    {
        if (to <= from) return;
        if (ReferenceEquals(text.Value, home) || NewLine == "\n" && !text.Value.AsSpan(from, to - from).Contains('\r'))
        {
            output.Append(text.Value, from, to - from);
            return;
        }
        output.Append(text.Value.Substring(from, to - from).Replace("\r\n", "\n").Replace("\n", NewLine));
    }

    private void Indent(int column) => output.Append(' ', column);

    private void EnsureLineBreak()
    {
        // A lone byte order mark starts the first line; it does not end one.
        if (output.Length > 0 && output[^1] != '\n' && !(output.Length == 1 && output[0] == '\uFEFF')) output.Append(NewLine);
    }
}
