using KubeInject.Yaml;

namespace KubeInject.Reading;

/// <summary>
/// One YAML document of an input stream: the exact text it occupies (so untouched documents are written
/// back byte for byte), and its parsed tree.
/// </summary>
internal sealed class ManifestDocument
{
    internal ManifestDocument(int index, string source, int start, int end, YNode? root, int line)
    {
        Index = index;
        Source = source;
        Start = start;
        End = end;
        Root = root;
        Line = line;
    }

    /// <summary>0-based position of the document in its stream.</summary>
    public int Index { get; }

    /// <summary>The text the document's offsets (and its nodes' spans) refer to: the document's own text when read from a stream.</summary>
    internal string Source { get; }

    /// <summary>Offset where this document's text starts (after the previous document's end).</summary>
    internal int Start { get; }

    /// <summary>Offset just past this document's text.</summary>
    internal int End { get; }

    /// <summary>Whether the document uses anchors or aliases (as the parser saw it).</summary>
    internal bool HasAnchorsOrAliases { get; init; }

    /// <summary>1-based line where the document's text starts.</summary>
    public int Line { get; }

    /// <summary>The parsed tree; null for an empty or comment-only document.</summary>
    public YNode? Root { get; internal set; }

    /// <summary>The document's text exactly as in the input (separators, comments and line ends included).</summary>
    public string Text => Start == 0 && End == Source.Length ? Source : Source.Substring(Start, End - Start);
}
