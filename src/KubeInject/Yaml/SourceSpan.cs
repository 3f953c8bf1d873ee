namespace KubeInject.Yaml;

/// <summary>
/// Where a parsed node sits in the text it was read from. Offsets index the whole input string
/// (UTF-16 code units, BOM included); line and column are 1-based, for messages.
/// </summary>
/// <param name="Text">The full input text the offsets refer to; the writer copies from it.</param>
/// <param name="Start">Offset of the node's first character (for a block mapping, its first key).</param>
/// <param name="End">Offset just past the node's last character (for collections, past the last scalar/flow end).</param>
/// <param name="Line">1-based line of <paramref name="Start"/>.</param>
/// <param name="Column">1-based column of <paramref name="Start"/>.</param>
internal sealed record SourceSpan(SourceText Text, int Start, int End, int Line, int Column)
{
    /// <summary>The source characters of this span.</summary>
    public string Slice() => Text.Value.Substring(Start, End - Start);
}

/// <summary>An input text, held once and shared by every span that points into it.</summary>
internal sealed class SourceText(string value)
{
    public string Value { get; } = value;
}
