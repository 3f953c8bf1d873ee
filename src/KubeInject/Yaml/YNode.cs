namespace KubeInject.Yaml;

/// <summary>
/// A node of a manifest's YAML tree. Parsed nodes remember their <see cref="Source"/> span and whether they
/// were changed since parsing, so the writer can copy untouched parts of a document byte for byte and
/// re-emit only what injection changed.
/// </summary>
internal abstract class YNode
{
    internal SourceSpan? Source { get; init; }

    /// <summary>1-based line of the node in its input, or 0 for a node that was created, not parsed.</summary>
    public int Line => Source?.Line ?? 0;

    /// <summary>1-based column of the node in its input, or 0 for a created node.</summary>
    public int Column => Source?.Column ?? 0;

    /// <summary>
    /// True when this node and everything below it are exactly as parsed, so its source text can be copied.
    /// </summary>
    internal abstract bool IsPristine { get; }

    /// <summary>A deep copy; parsed copies keep their source span and pristine state.</summary>
    public abstract YNode DeepClone();

    /// <summary>Equality of content (resolved scalar values, key/value pairs in any order, items in order).</summary>
    public abstract bool SemanticEquals(YNode? other);

    /// <summary>YAML text of this node in flow style, for messages and debugging.</summary>
    public override string ToString() => Writing.FlowText.Of(this);
}
