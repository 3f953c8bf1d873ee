using System.Collections.Concurrent;
using Scriban.Runtime;

namespace KubeInject.GoTemplates;

/// <summary>
/// Go struct field names → JSON keys. Kubernetes and proto JSON names are the Go name with the leading capital
/// run lower-cased (<c>Containers</c> → <c>containers</c>, <c>APIVersion</c> → <c>apiVersion</c>, <c>TTY</c> →
/// <c>tty</c>, <c>HostIPC</c> → <c>hostIPC</c>); anything else is found by a case-insensitive match.
/// </summary>
internal static class GoFieldNames
{
    private static readonly ConcurrentDictionary<string, string> JsonNames = new(StringComparer.Ordinal);

    /// <summary>The JSON key Go's conventions give field <paramref name="goName"/>.</summary>
    public static string JsonName(string goName) => JsonNames.GetOrAdd(goName, static n =>
    {
        int run = 0;
        while (run < n.Length && char.IsUpper(n[run])) run++;
        if (run == 0) return n;
        // "APIVersion": the last capital of a run followed by lower case starts the next word.
        int lower = run == n.Length || run == 1 ? run : run - 1;
        return n[..lower].ToLowerInvariant() + n[lower..];
    });

    /// <summary>Finds field <paramref name="goName"/> in <paramref name="fields"/>: the Go name itself, its JSON name, or a case-insensitive match.</summary>
    public static bool TryGet(ScriptObject fields, string goName, out object? value)
    {
        if (fields.TryGetValue(goName, out value)) return true;
        if (fields.TryGetValue(JsonName(goName), out value)) return true;
        foreach (var key in fields.Keys)
        {
            if (string.Equals(key, goName, StringComparison.OrdinalIgnoreCase))
            {
                value = fields[key];
                return true;
            }
        }
        value = null;
        return false;
    }
}
