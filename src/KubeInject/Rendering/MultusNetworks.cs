using System.Text.Json;

namespace KubeInject.Rendering;

/// <summary>Istio's <c>appendMultusNetwork</c>: adding the Istio CNI network to <c>k8s.v1.cni.cncf.io/networks</c>.</summary>
internal static class MultusNetworks
{
    /// <summary>See <see cref="TemplateFunctions.AppendMultusNetwork"/>.</summary>
    /// <param name="existing">The annotation's value ("" when absent).</param>
    /// <param name="network">The network to add, e.g. <c>default/istio-cni</c>.</param>
    /// <param name="namespaceMatching">
    /// Istio 1.29: a JSON entry is <c>{"name": "istio-cni", "namespace": "default"}</c> and matches on both fields;
    /// before, the whole <c>default/istio-cni</c> was compared with, and written as, the name.
    /// </param>
    public static string Append(string existing, string network, bool namespaceMatching)
    {
        if (existing.Length == 0) return network;
        int last = existing.LastIndexOf(']');
        if (last >= 0)
        {
            var (ns, name) = namespaceMatching ? Split(network) : ("", network);
            // A JSON list of network objects (Istio decodes into []map[string]any and compares the fields).
            try
            {
                using var doc = JsonDocument.Parse(existing);
                if (doc.RootElement.ValueKind != JsonValueKind.Array) return existing;
                foreach (var item in doc.RootElement.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Null) continue;
                    if (item.ValueKind != JsonValueKind.Object) return existing; // Go: cannot unmarshal into a map
                    if (StringField(item, "name") == name && (!namespaceMatching || (StringField(item, "namespace") ?? "") == ns))
                        return existing;
                }
            }
            catch (JsonException)
            {
                return existing; // Istio logs a warning and leaves the value alone
            }
            string entry = ns.Length > 0 ? $", {{\"name\": \"{name}\", \"namespace\": \"{ns}\"}}" : $", {{\"name\": \"{name}\"}}";
            // Inserted before the last ']' without looking at what precedes it, so "[]" becomes "[, {...}]" (upstream bug).
            return existing[..last] + entry + existing[last..];
        }
        foreach (var item in existing.Split(','))
            if (item.Trim() == network) return existing;
        return existing + ", " + network;
    }

    private static (string Namespace, string Name) Split(string network)
    {
        int slash = network.IndexOf('/');
        return slash < 0 ? ("", network) : (network[..slash], network[(slash + 1)..]);
    }

    private static string? StringField(JsonElement item, string field) =>
        item.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
