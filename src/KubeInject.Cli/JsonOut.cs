using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeInject.Cli;

/// <summary>
/// Builds the CLI's JSON documents as <see cref="JsonNode"/> trees. Reflection-based serialization of anonymous types
/// does not work in the native (AOT, trimmed) build; a node tree writes the same bytes with the same
/// <see cref="JsonSerializerOptions"/> (property order as added, nulls written, numbers as numbers).
/// </summary>
internal static class JsonOut
{
    /// <summary>Indented, "\n" line ends, quotes and non-ASCII kept readable (the output is not embedded in HTML).</summary>
    public static readonly JsonSerializerOptions Relaxed = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Indented with the default (HTML-safe) escaping and the platform's line end.</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonArray ToJsonArray(this IEnumerable<JsonNode?> items)
    {
        var array = new JsonArray();
        foreach (var item in items) array.Add(item);
        return array;
    }

    public static JsonArray ToJsonArray(this IEnumerable<string> items) => items.Select(s => (JsonNode?)JsonValue.Create(s)).ToJsonArray();

    public static JsonObject ToJsonObject(this IEnumerable<KeyValuePair<string, string>> properties)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in properties) obj[key] = value;
        return obj;
    }

    public static string Write(JsonNode node, JsonSerializerOptions options) => node.ToJsonString(options);
}
