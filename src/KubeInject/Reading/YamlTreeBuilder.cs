using KubeInject.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YScalarStyle = KubeInject.Yaml.ScalarStyle;

namespace KubeInject.Reading;

/// <summary>
/// Builds one document's <see cref="YNode"/> tree from YamlDotNet parser events, recording source spans
/// (when given a <see cref="SourceText"/>) so untouched parts can later be copied verbatim.
/// <paramref name="offset"/> is where the parsed text starts in <paramref name="text"/> (1 when a leading
/// byte-order mark was cut off before parsing), added to every parser mark.
/// <para>Every document is held to <see cref="Limits"/> (nesting depth, alias expansion), and with
/// <paramref name="strictKeys"/> a mapping may not repeat a key (Kubernetes' strict decoding refuses that too).</para>
/// </summary>
internal sealed class YamlTreeBuilder(IParser parser, SourceText? text, int offset = 0, bool strictKeys = false)
{
    private readonly Dictionary<string, (YNode Node, int Size)> _anchors = new(StringComparer.Ordinal);
    private int _depth;
    private int _nodes; // nodes of the current document, alias copies included
    private int _aliasNodes; // of which made by aliases
    private SourceText? text = text;
    private int offset = offset;

    private Func<int, char>? charAt;

    /// <summary>
    /// Spans of the next document point into <paramref name="documentText"/> (filled in once the document has been
    /// read), at parser index + <paramref name="indexOffset"/>; <paramref name="characterAt"/> gives the input's
    /// character at a parser index meanwhile.
    /// </summary>
    public void UseText(SourceText documentText, int indexOffset, Func<int, char> characterAt)
    {
        text = documentText;
        offset = indexOffset;
        charAt = characterAt;
    }

    /// <summary>Whether the last document read had an anchor or an alias (only then can splicing change what an alias means).</summary>
    public bool SawAnchorOrAlias { get; private set; }

    /// <summary>Reads events up to and including the next <see cref="DocumentEnd"/>; returns the root (null for an empty document).</summary>
    public YNode? ReadDocumentBody(out DocumentEnd end)
    {
        _anchors.Clear();
        _depth = 0;
        _nodes = 0;
        _aliasNodes = 0;
        SawAnchorOrAlias = false;
        YNode? root = null;
        if (!parser.Accept<DocumentEnd>(out _)) root = ReadNode(out _);
        end = parser.Consume<DocumentEnd>();
        if (root is YScalar { Kind: ScalarKind.Null, Style: YScalarStyle.Plain } s && (s.Value.Length == 0)) root = null;
        return root;
    }

    /// <summary>Reads one node; <paramref name="end"/> is the offset just past its last character.</summary>
    private YNode ReadNode(out Mark end)
    {
        var ev = parser.Consume<ParsingEvent>();
        int first = _nodes++;
        switch (ev)
        {
            case Scalar s:
            {
                end = s.End;
                var node = new YScalar(s.Value, Map(s.Style), TagOf(s.Tag, s.Style)) { Source = Span(s.Start, s.End) };
                if (strictKeys && !MatchesItsTag(node))
                    throw new YamlException(s.Start, s.End, $"'{s.Value}' is not a value of its tag {s.Tag.Value} (YAML decoders refuse it)");
                Remember(s.Anchor, node, 1);
                return node;
            }
            case MappingStart ms:
            {
                Enter(ms);
                bool flow = ms.Style == MappingStyle.Flow;
                var entries = new List<(YScalar Key, YNode Value, long Line)>();
                HashSet<string>? keySet = null;
                Mark last = ms.End;
                MappingEnd close;
                while (!parser.TryConsume<MappingEnd>(out close!))
                {
                    var keyStart = parser.Current?.Start ?? ms.Start;
                    if (strictKeys && !flow) RefuseTabIndentation(keyStart, "mapping key");
                    var keyNode = ReadNode(out _);
                    if (keyNode is not YScalar key)
                        throw new YamlException(ms.Start, ms.End, "a mapping key must be a scalar");
                    // ": value" with no key: Kubernetes has no field with an empty name, and such a key, written back
                    // after a block the injection adds before it, no longer parses (fuzz run 8). The parser places the
                    // empty key at the end of the line before; the value's line is the one to name.
                    if (strictKeys && key.Value.Length == 0 && key.Style == YScalarStyle.Plain && key.Tag is null)
                        throw new YamlException(parser.Current?.Start ?? keyStart, parser.Current?.Start ?? keyStart, "a mapping key is missing (\": value\" with nothing before the colon); Kubernetes field names are never empty");
                    if (strictKeys && IsRepeated(entries, ref keySet, key.Value))
                    {
                        long firstLine = entries.Find(e => e.Key.Value == key.Value).Line;
                        throw new YamlException(keyStart, keyStart,
                            $"duplicate key '{key.Value}' (first at line {firstLine}); Kubernetes refuses a mapping that repeats a key");
                    }
                    var value = ReadNode(out last);
                    entries.Add((key, value, keyStart.Line));
                }
                _depth--;
                // Flow mappings end after '}'; block mappings end at their last value (their MappingEnd
                // event sits at the next token, after trailing comments and blank lines).
                end = flow ? PastClosingBracket(close.Start) : last;
                var map = new YMapping { IsFlow = flow, Source = Span(ms.Start, end) };
                foreach (var (k, v, _) in entries) map.AddParsed(k, v);
                Remember(ms.Anchor, map, _nodes - first);
                return map;
            }
            case SequenceStart ss:
            {
                Enter(ss);
                bool flow = ss.Style == SequenceStyle.Flow;
                var items = new List<YNode>();
                Mark last = ss.End;
                SequenceEnd close;
                while (!parser.TryConsume<SequenceEnd>(out close!))
                {
                    if (strictKeys && !flow && parser.Current is { } item) RefuseTabIndentation(item.Start, "sequence item");
                    items.Add(ReadNode(out last));
                }
                _depth--;
                end = flow ? PastClosingBracket(close.Start) : last;
                var seq = new YSequence(items) { IsFlow = flow, Source = Span(ss.Start, end) };
                Remember(ss.Anchor, seq, _nodes - first);
                return seq;
            }
            case AnchorAlias alias:
            {
                SawAnchorOrAlias = true;
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}'");
                // The copy is made only when the document's aliases stay within the budget (an alias bomb is refused
                // before it grows); the copy counts as nodes of the document, so aliases of aliases add up.
                _aliasNodes += target.Size;
                if (_aliasNodes > Limits.MaxAliasExpansion || _aliasNodes < 0)
                    throw new YamlException(alias.Start, alias.End,
                        $"the aliases of this document expand to more than {Limits.MaxAliasExpansion:N0} nodes (the limit; an alias bomb?)");
                _nodes += target.Size - 1;
                end = alias.End;
                return CloneWithSource(target.Node, Span(alias.Start, alias.End));
            }
            default:
                throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
        }
    }

    // An alias is a copy of its anchor's node whose own source is the alias text, so an untouched
    // alias is written back as "*name".
    private static YNode CloneWithSource(YNode target, SourceSpan? span)
    {
        switch (target)
        {
            case YScalar s:
                return new YScalar(s.Value, s.Style, s.Tag) { Source = span };
            case YMapping m:
            {
                var c = new YMapping { IsFlow = m.IsFlow, Source = span };
                foreach (var e in m.Entries) c.AddParsed((YScalar)e.Key.DeepClone(), e.Value.DeepClone());
                return c;
            }
            case YSequence q:
                return new YSequence(q.Items.Select(i => i.DeepClone())) { IsFlow = q.IsFlow, Source = span };
            default:
                return target.DeepClone();
        }
    }

    private void Remember(AnchorName anchor, YNode node, int size)
    {
        if (anchor.IsEmpty) return;
        _anchors[anchor.Value] = (node, size);
        SawAnchorOrAlias = true;
    }

    // Whether a mapping already has the key: a scan while it is small, a set once it has 16 keys.
    private static bool IsRepeated(List<(YScalar Key, YNode Value, long Line)> entries, ref HashSet<string>? keySet, string key)
    {
        if (keySet is not null) return !keySet.Add(key);
        foreach (var e in entries)
            if (e.Key.Value == key) return true;
        if (entries.Count < 15) return false;
        keySet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries) keySet.Add(e.Key.Value);
        keySet.Add(key);
        return false;
    }

    // A scalar tagged !!int, !!float, !!bool or !!null must read as one (e.g. "!!int hello" does not).
    private static bool MatchesItsTag(YScalar node)
    {
        if (node.Tag is null) return true;
        var kind = node.Kind;
        if (kind is ScalarKind.String) return true;
        var plain = ScalarResolver.ResolvePlain(node.Value);
        return plain == kind || kind == ScalarKind.Float && plain == ScalarKind.Int;
    }

    // One level deeper; refused past the limit before anything recurses further.
    private void Enter(ParsingEvent start)
    {
        if (++_depth > Limits.MaxNestingDepth)
            throw new YamlException(start.Start, start.End, $"mappings and sequences nested deeper than {Limits.MaxNestingDepth} levels (the limit)");
    }

    // YAML indents with spaces only. YamlDotNet reads a tab before a block key or item as one column of indentation
    // (go-yaml, and so kubectl, refuse it: "found a tab character that violates indentation"); the writer, which
    // re-indents by counting columns, would then write a block that no longer parses (fuzz run 8). Refused here
    // for everything before the node on its line: the indentation, and "- " or "key: " before a nested node.
    private void RefuseTabIndentation(Mark start, string what)
    {
        if (charAt is null && text is null) return;
        for (long i = start.Index - (start.Column - 1); i < start.Index; i++)
        {
            if (CharAt(i) != '\t') continue;
            var tab = new Mark(i, start.Line, start.Column - (start.Index - i));
            throw new YamlException(tab, tab, $"a tab before a block {what}: YAML indents with spaces only (kubectl refuses tabs here too)");
        }
    }

    private char CharAt(long parserIndex)
    {
        if (charAt is not null) return charAt((int)parserIndex);
        long i = parserIndex + offset;
        return text is not null && i >= 0 && i < text.Value.Length ? text.Value[(int)i] : '\0';
    }

    // YamlDotNet marks a flow collection's end event at the closing bracket itself (Start == End), so the
    // bracket would fall outside the span and be lost when the collection is re-emitted or sliced.
    private Mark PastClosingBracket(Mark close)
    {
        if (text is null) return close;
        char c = CharAt(close.Index);
        return c is '}' or ']' ? new Mark(close.Index + 1, close.Line, close.Column + 1) : close;
    }

    private SourceSpan? Span(Mark start, Mark end) =>
        text is null ? null : new SourceSpan(text, (int)start.Index + offset, (int)Math.Max(end.Index, start.Index) + offset, (int)start.Line, (int)start.Column);

    private static YScalarStyle Map(YamlDotNet.Core.ScalarStyle style) => style switch
    {
        YamlDotNet.Core.ScalarStyle.SingleQuoted => YScalarStyle.SingleQuoted,
        YamlDotNet.Core.ScalarStyle.DoubleQuoted => YScalarStyle.DoubleQuoted,
        YamlDotNet.Core.ScalarStyle.Literal => YScalarStyle.Literal,
        YamlDotNet.Core.ScalarStyle.Folded => YScalarStyle.Folded,
        _ => YScalarStyle.Plain,
    };

    private static string? TagOf(TagName tag, YamlDotNet.Core.ScalarStyle style)
    {
        if (tag.IsEmpty) return null;
        if (tag.IsNonSpecific) return style == YamlDotNet.Core.ScalarStyle.Plain ? "!" : null;
        return tag.Value;
    }
}
