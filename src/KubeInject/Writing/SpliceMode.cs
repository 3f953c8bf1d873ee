namespace KubeInject.Writing;

/// <summary>How much source text <see cref="SpliceWriter"/> may reuse; each mode is a fallback for the one before.</summary>
internal enum SpliceMode
{
    /// <summary>Copy every unchanged part, aliases (<c>*name</c>) included.</summary>
    Splice,

    /// <summary>
    /// As <see cref="Splice"/>, but parts holding an alias are re-emitted from the tree (aliases expanded), for
    /// documents where the anchored node changed or disappeared, so a copied alias would mean something else or nothing.
    /// </summary>
    ExpandAliases,

    /// <summary>Emit everything from the tree; only the document's leading comments and separator are kept.</summary>
    Rewrite,
}
