using System.Text.Json;
using KubeInject.Diagnostics;
using KubeInject.Go;
using KubeInject.Pod;
using KubeInject.Yaml;

namespace KubeInject.Merging;

/// <summary>
/// The <c>proxy.istio.io/overrides</c> annotation: the user's customisations of injected containers, stored on
/// first injection so that re-injection can re-apply them after stripping.
/// </summary>
internal sealed record ProxyOverrides(IReadOnlyList<YMapping> Containers, IReadOnlyList<YMapping> InitContainers)
{
    /// <summary>The annotation key.</summary>
    public const string AnnotationKey = "proxy.istio.io/overrides";

    /// <summary>No overrides.</summary>
    public static readonly ProxyOverrides None = new([], []);

    /// <summary>The overrides stored on a pod; invalid JSON is an error, as in Istio.</summary>
    public static ProxyOverrides Read(YMapping pod)
    {
        var text = PodTree.Annotation(pod, AnnotationKey);
        if (text is null) return None;
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new KubeInjectException($"json: cannot unmarshal {doc.RootElement.ValueKind.ToString().ToLowerInvariant()} into Go value of type inject.ParsedContainers");
            List<YMapping> containers = [], init = [];
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name.Equals("containers", StringComparison.OrdinalIgnoreCase)) containers = ReadList(p.Value);
                else if (p.Name.Equals("initContainers", StringComparison.OrdinalIgnoreCase)) init = ReadList(p.Value);
            }
            return new ProxyOverrides(containers, init);
        }
        catch (JsonException e)
        {
            throw new KubeInjectException($"invalid {AnnotationKey} annotation: {e.Message}", inner: e);
        }
    }

    private static List<YMapping> ReadList(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Null) return [];
        if (e.ValueKind != JsonValueKind.Array || e.EnumerateArray().Any(i => i.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null)))
            throw new KubeInjectException("json: cannot unmarshal into Go struct field ParsedContainers.containers of type []v1.Container");
        return e.EnumerateArray().Select(i => JsonTree.ToNode(i) as YMapping ?? new YMapping()).ToList();
    }

    /// <summary>Go JSON of <c>ParsedContainers</c>: each list omitted when empty, containers in Go field order.</summary>
    public string ToJson()
    {
        var json = new JsonWriter().BeginObject();
        if (Containers.Count > 0)
        {
            json.Key("containers").BeginArray();
            foreach (var c in Containers) ContainerJson.Write(json, c);
            json.EndArray();
        }
        if (InitContainers.Count > 0)
        {
            json.Key("initContainers").BeginArray();
            foreach (var c in InitContainers) ContainerJson.Write(json, c);
            json.EndArray();
        }
        return json.EndObject().ToString();
    }
}
