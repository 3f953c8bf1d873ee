using KubeInject.Diagnostics;
using KubeInject.Go.Protojson;
using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Settings;

/// <summary>
/// Istio's <c>applyProxyConfig</c>: a ProxyConfig YAML/JSON text applied onto an existing ProxyConfig with
/// jsonpb semantics (each field present replaces the old value wholesale, nulls ignored), then
/// <c>proxyMetadata</c> merged key by key and empty <c>proxyHeaders</c> sub-fields taken from the old value.
/// </summary>
internal static class ProxyConfigMerge
{
    /// <summary>Parses YAML or JSON text the way sigs.k8s.io/yaml's YAMLToJSON would accept it.</summary>
    public static YNode? ParseYaml(string text)
    {
        try
        {
            return ManifestReader.Read(text, "proxy config").FirstOrDefault()?.Root;
        }
        catch (KubeInjectException e)
        {
            int line = e.Location?.Line ?? 0;
            throw new ProtoJsonException($"error converting YAML to JSON: yaml: line {line}: {e.Message.Replace("invalid YAML: ", "")}");
        }
    }

    /// <summary>Applies <paramref name="text"/> onto <paramref name="target"/> in place.</summary>
    public static void Apply(YMapping target, string text) => Apply(target, ParseYaml(text));

    /// <summary>Applies a parsed overlay onto <paramref name="target"/> in place.</summary>
    public static void Apply(YMapping target, YNode? overlay)
    {
        var schema = ProtoSchemas.ProxyConfig;
        var origMetadata = target["proxyMetadata"] as YMapping;
        var origHeaders = target["proxyHeaders"] as YMapping;
        var parsed = ProtoJsonReader.ReadMessage(overlay, schema);
        foreach (var e in parsed.Entries)
            ProtoJsonReader.SetField(target, schema.Find(e.Name)!, schema, e.Value);

        // mergeMap(orig, new): the annotation's keys win, the mesh's other keys stay.
        if (parsed["proxyMetadata"] is YMapping newMetadata && origMetadata is not null)
        {
            var merged = (YMapping)origMetadata.DeepClone();
            foreach (var e in newMetadata.Entries) merged.Set(e.Name, e.Value);
            target.Set("proxyMetadata", merged);
        }

        // correctProxyHeaders: sub-fields the overlay left empty fall back to the previous ones.
        if (parsed["proxyHeaders"] is YMapping headers && origHeaders is not null)
        {
            foreach (var e in origHeaders.Entries)
            {
                var current = headers[e.Name];
                bool empty = current is null || (e.Name == "forwardedClientCert" && current is YScalar { Value: "UNDEFINED" });
                if (empty) headers.Set(e.Name, e.Value.DeepClone());
            }
        }
    }
}
