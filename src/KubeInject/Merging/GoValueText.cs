using KubeInject.Yaml;

namespace KubeInject.Merging;

/// <summary>
/// Go's <c>%v</c> of a decoded JSON value (<c>map[k:v]</c> with sorted keys, <c>[a b]</c>), so error messages
/// read like Kubernetes' strategic-merge errors.
/// </summary>
internal static class GoValueText
{
    /// <summary>The <c>%v</c> text of a node.</summary>
    public static string Of(YNode? node) => node switch
    {
        null => "<nil>",
        YMapping m => "map[" + string.Join(" ", m.Entries.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => e.Name + ":" + Of(e.Value))) + "]",
        YSequence s => "[" + string.Join(" ", s.Items.Select(Of)) + "]",
        YScalar { Kind: ScalarKind.Null } => "<nil>",
        YScalar { Kind: ScalarKind.Int or ScalarKind.Float } sc => GoFormat.Number(sc.ToValue() is long l ? (double)l : sc.ToValue()),
        YScalar sc => sc.AsGoString(),
        _ => node.ToString(),
    };
}
