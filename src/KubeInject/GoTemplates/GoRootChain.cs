namespace KubeInject.GoTemplates;

/// <summary>A field chain of the main template's <c>$</c> (<c>.Values.global.proxy.image</c>), read by name lookup (see <see cref="GoRenderGlobals"/>).</summary>
internal sealed class GoRootChain(string[] names)
{
    /// <summary>The chain's value on <paramref name="dot"/>, with Go's field semantics (<see cref="GoSemantics.Field"/>).</summary>
    public object? Read(object? dot)
    {
        var value = dot;
        foreach (var name in names) value = GoSemantics.Field(value, name);
        return value;
    }
}
