using System.Text.Json;

namespace KubeInject.Rendering;

/// <summary>Istio's <c>appendMultusNetwork</c>: adding the Istio CNI network to <c>k8s.v1.cni.cncf.io/networks</c>.</summary>
internal static class MultusNetworks
{
    /// <summary>See <see cref="TemplateFunctions.AppendMultusNetwork"/>.</summary>
    public static string Append(string existing, string network)
    {
        if (existing.Length == 0) return network;
        int last = existing.LastIndexOf(']');
        if (last >= 0)
        {
            // A JSON list of network objects (Istio decodes into []map[string]any and compares the name).
            try
            {
                using var doc = JsonDocument.Parse(existing);
                if (doc.RootElement.ValueKind != JsonValueKind.Array) return existing;
                foreach (var item in doc.RootElement.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Null) continue;
                    if (item.ValueKind != JsonValueKind.Object) return existing; // Go: cannot unmarshal into a map
                    if (item.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() == network)
                        return existing;
                }
            }
            catch (JsonException)
            {
                return existing; // Istio logs a warning and leaves the value alone
            }
            // Inserted before the last ']' without looking at what precedes it, so "[]" becomes "[, {...}]" (upstream bug).
            return existing[..last] + $", {{\"name\": \"{network}\"}}" + existing[last..];
        }
        foreach (var item in existing.Split(','))
            if (item.Trim() == network) return existing;
        return existing + ", " + network;
    }
}
