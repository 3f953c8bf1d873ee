using System.Text.Json;
using KubeInject.Yaml;

namespace KubeInject.Pod;

/// <summary>Turns JSON stored in annotations (overrides, status) into YAML nodes.</summary>
internal static class JsonTree
{
    /// <summary>The node for a JSON value: objects become mappings, numbers keep their text, strings are strings.</summary>
    public static YNode ToNode(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var m = new YMapping();
                foreach (var p in e.EnumerateObject()) m.Set(p.Name, ToNode(p.Value));
                return m;
            case JsonValueKind.Array:
                return new YSequence(e.EnumerateArray().Select(ToNode));
            case JsonValueKind.String:
                return YScalar.String(e.GetString()!);
            case JsonValueKind.Number:
                return new YScalar(e.GetRawText());
            case JsonValueKind.True:
                return YScalar.Bool(true);
            case JsonValueKind.False:
                return YScalar.Bool(false);
            default:
                return YScalar.Null();
        }
    }
}
