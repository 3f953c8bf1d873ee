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

/// <summary>
/// The text a document's spans point into, held once and shared by them. A streamed document's text is known
/// only once the reader has found where the document ends, so it can be given after the spans are made.
/// </summary>
internal sealed class SourceText(string? value = null)
{
    public string Value { get; set; } = value ?? "";
}
