using KubeInject.Yaml;

namespace KubeInject.Settings;

/// <summary>
/// The user's values over the chart values of the chosen version, as Helm layers <c>-f values.yaml</c> over a chart's
/// defaults: mappings merge key by key, anything else replaces, and a <c>null</c> removes the chart's key. A whole
/// <c>istio-sidecar-injector</c> <c>data.values</c> holds every chart key, so for it the layering changes nothing;
/// a partial file such as <c>{"global":{"tag":"1.23.0"}}</c> gets the rest (the hub, the proxy defaults) from the chart.
/// </summary>
internal static class ValuesLayering
{
    /// <summary>A new tree: <paramref name="chart"/> with <paramref name="user"/> over it (neither is changed).</summary>
    public static YMapping Over(YMapping chart, YMapping user)
    {
        var result = (YMapping)chart.DeepClone();
        Merge(result, user);
        return result;
    }

    private static void Merge(YMapping target, YMapping user)
    {
        foreach (var entry in user.Entries)
        {
            if (entry.Value is YScalar { Kind: ScalarKind.Null })
                target.Remove(entry.Name);
            else if (entry.Value is YMapping m && target[entry.Name] is YMapping existing)
                Merge(existing, m);
            else
                target.Set(entry.Name, entry.Value.DeepClone());
        }
    }
}
