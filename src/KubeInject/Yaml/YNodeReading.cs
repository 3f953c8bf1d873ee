namespace KubeInject.Yaml;

/// <summary>
/// How every stage reads a manifest's loosely typed fields, the way Go's decoder sees them: one home for what
/// used to be a private <c>Str(YNode)</c> helper in a dozen files. Plain static methods, for <c>using static</c>.
/// </summary>
internal static class YNodeReading
{
    /// <summary>The Go string of a scalar (<see cref="YScalar.AsGoString"/>); "" for a missing node, a mapping or a sequence.</summary>
    public static string Text(YNode? node) => node is YScalar s ? s.AsGoString() : "";

    /// <summary>The node at a path of mapping keys, or null when a step is missing or not a mapping.</summary>
    public static YNode? At(YMapping? root, params string[] keys)
    {
        YNode? node = root;
        foreach (var k in keys) node = (node as YMapping)?[k];
        return node;
    }

    /// <summary>True for a YAML boolean <c>true</c> (not the string "true").</summary>
    public static bool IsTrue(YNode? node) => node is YScalar { Kind: ScalarKind.Bool } s && (bool)s.ToValue()!;

    /// <summary>A mapping of strings (labels, annotations) as Kubernetes stores it; empty for anything else.</summary>
    public static Dictionary<string, string> StringMap(YNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is YMapping m)
            foreach (var e in m.Entries) map[e.Name] = e.Value is YScalar s ? s.AsGoString() : e.Value.ToString();
        return map;
    }
}
