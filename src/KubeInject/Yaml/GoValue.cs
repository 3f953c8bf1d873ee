namespace KubeInject.Yaml;

/// <summary>
/// What Go's YAML/JSON decoders build from a tree when the target is <c>interface{}</c>: <c>map[string]any</c>,
/// <c>[]any</c>, float64 for every number, string, bool and nil. Istio prints such values with <c>%v</c>
/// (an image tag from the Values proto, a list item in a strategic-merge error).
/// </summary>
internal static class GoValue
{
    /// <summary>The Go value of <paramref name="node"/>.</summary>
    public static object? Of(YNode? node)
    {
        switch (node)
        {
            case YMapping m:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var e in m.Entries) map[e.Name] = Of(e.Value); // a later duplicate wins, as in Go
                return map;
            case YSequence s:
                return s.Items.Select(Of).ToList();
            case YScalar sc:
                return sc.Kind switch
                {
                    ScalarKind.Null => null,
                    ScalarKind.Int or ScalarKind.Float => Convert.ToDouble(sc.ToValue(), System.Globalization.CultureInfo.InvariantCulture),
                    ScalarKind.Bool => sc.ToValue(),
                    _ => sc.Value,
                };
            default:
                return null;
        }
    }
}
