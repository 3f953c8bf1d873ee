namespace KubeInject;

/// <summary>
/// What the reader accepts in one YAML document. Input beyond a limit is refused with a
/// <see cref="Diagnostics.KubeInjectException"/> (bad input) naming the file, document and line, before it can
/// exhaust the stack or the memory: the values are far above any real manifest (the Kubernetes API server stores
/// objects of at most about 1.5 MB) and far below what would hurt.
/// </summary>
public static class Limits
{
    /// <summary>
    /// The deepest nesting of mappings and sequences (block or flow) in a document: 512 levels. A pod spec is about
    /// 15 deep; the reader and writer recurse once per level, so this bounds their stack.
    /// </summary>
    public const int MaxNestingDepth = 512;

    /// <summary>
    /// The most characters one document may have: 8 MiB (8,388,608), over five times the API server's limit.
    /// Counted while reading, so a huge scalar is refused before it is held whole.
    /// </summary>
    public const int MaxDocumentLength = 8 * 1024 * 1024;

    /// <summary>
    /// The most nodes that aliases (<c>*name</c>) of a document may expand to, all aliases together: 1,000,000.
    /// An alias is a copy of its anchor's node, so nested aliases grow exponentially ("billion laughs");
    /// Go's YAML library and Kubernetes cap this too.
    /// </summary>
    public const int MaxAliasExpansion = 1_000_000;
}
