using System.Collections;
using System.Text.Json;
using KubeInject.Go;
using KubeInject.Go.SigsYaml;
using Scriban;
using Scriban.Runtime;

namespace KubeInject.Rendering;

// Istio's template funcmap (pkg/kube/inject/template.go, 1.23.0), with Go's argument order.
internal static partial class TemplateFunctions
{
    /// <summary>
    /// <c>annotation meta name default</c>: the annotation's value when the key is present (even empty),
    /// else Go <c>fmt.Sprint(default)</c> (nil prints <c>&lt;nil&gt;</c>, float64 <c>15020</c>). Always a string.
    /// </summary>
    public static string Annotation(object? meta, string name, object? defaultValue)
    {
        if (meta is ScriptObject m && m.TryGetValue("annotations", out var a) && a is ScriptObject annotations && annotations.TryGetValue(name, out var value))
            return value as string ?? Fmt.Sprint(value);
        return Fmt.Sprint(defaultValue);
    }

    /// <summary><c>valueOrDefault value default</c>: <paramref name="defaultValue"/> only when the value is nil or exactly <c>""</c> (0, false and empty collections are kept).</summary>
    public static object? ValueOrDefault(object? value, object? defaultValue) =>
        value is null || value is string { Length: 0 } ? defaultValue : value;

    /// <summary><c>isset map key</c>: whether the key is present (its value may be empty); nil map → false.</summary>
    public static bool Isset(object? map, string key) => map is ScriptObject m && m.ContainsKey(key);

    /// <summary><c>toJSON map</c>: Go JSON with sorted keys and Go escaping; nil → <c>{}</c>.</summary>
    public static string ToJson(object? map) => map is null ? "{}" : EncodingJson.Marshal(map);

    /// <summary>
    /// <c>fromJSON s</c>: decodes JSON into maps, lists, float64 numbers, strings, bools and nil. Invalid JSON
    /// gives the <em>string</em> <c>"{}"</c>, as Istio does (ranging over it then fails).
    /// </summary>
    public static object? FromJson(string? text)
    {
        try
        {
            return EncodingJson.Unmarshal(text ?? "");
        }
        catch (JsonException)
        {
            return "{}";
        }
    }

    /// <summary>
    /// <c>structToJSON v</c>: <c>encoding/json</c> of a value. A container port is written in Go's struct field
    /// order with <c>omitempty</c> (<c>{"name":"http","containerPort":80}</c>); other maps with sorted keys; nil → <c>{}</c>.
    /// </summary>
    public static string StructToJson(object? value) => value switch
    {
        null => "{}",
        ScriptObject o when ContainerPortJson.IsPort(o) => ContainerPortJson.Marshal(o),
        _ => EncodingJson.Marshal(value),
    };

    /// <summary>
    /// <c>protoToJSON msg</c>: for the render's <c>proxy_config</c>, the precomputed JSON of the fields that differ
    /// from the defaults (<c>{}</c> by default); for anything else, plain JSON; nil → <c>{}</c>.
    /// </summary>
    public static string ProtoToJson(TemplateContext context, object? message)
    {
        if (message is null) return "{}";
        if (context is GoTemplateContext go && ReferenceEquals(message, go.ProxyConfig)) return go.ProxyConfigJson;
        return EncodingJson.Marshal(message);
    }

    /// <summary><c>toYaml v</c>: <c>sigs.k8s.io/yaml.Marshal</c> output, with its trailing newline; nil → <c>null\n</c>.</summary>
    public static string ToYaml(object? value) => YamlMarshal.Marshal(value);

    /// <summary>
    /// Istio's <c>indent n s</c> (pipe: <c>s | indent n</c>): prefixes every line <em>except the first</em> with
    /// <paramref name="spaces"/> spaces, so a trailing newline leaves a last line of spaces.
    /// </summary>
    public static string Indent(string? text, int spaces)
    {
        var lines = (text ?? "").Split('\n');
        var pad = new string(' ', Math.Max(spaces, 0));
        for (int i = 1; i < lines.Length; i++) lines[i] = pad + lines[i];
        return string.Join('\n', lines);
    }

    /// <summary><c>contains needle haystack</c> (Go's argument order, not piped).</summary>
    public static bool Contains(string? needle, string? haystack) => (haystack ?? "").Contains(needle ?? "", StringComparison.Ordinal);

    /// <summary><c>directory path</c>: the part up to and including the last <c>/</c> (<c>/etc/certs/ca.pem</c> → <c>/etc/certs/</c>); no <c>/</c> → <c>""</c>.</summary>
    public static string Directory(string? path)
    {
        path ??= "";
        int i = path.LastIndexOf('/');
        return i < 0 ? "" : path[..(i + 1)];
    }

    /// <summary>
    /// <c>excludeInboundPort port list</c>: adds the status port to a comma list of ports unless it is empty,
    /// <c>0</c> or already there (compared untrimmed); the result is the trimmed non-empty items plus the port.
    /// </summary>
    public static string ExcludeInboundPort(object? port, string? excludedInboundPorts)
    {
        excludedInboundPorts ??= "";
        string portText = Fmt.Sprint(port).Trim();
        if (portText.Length == 0 || portText == "0") return excludedInboundPorts;
        var items = excludedInboundPorts.Split(',');
        if (items.Contains(portText)) return excludedInboundPorts;
        var kept = items.Select(p => p.Trim()).Where(p => p.Length > 0).Append(portText);
        return string.Join(',', kept);
    }

    /// <summary><c>includeInboundPorts containers</c>: every containerPort of the containers except UDP/SCTP ones, comma-joined.</summary>
    public static string IncludeInboundPorts(object? containers) => ContainerPorts(containers, skipProxy: false);

    /// <summary><c>applicationPorts containers</c>: like <see cref="IncludeInboundPorts"/> but skipping <c>istio-proxy</c>.</summary>
    public static string ApplicationPorts(object? containers) => ContainerPorts(containers, skipProxy: true);

    private static string ContainerPorts(object? containers, bool skipProxy)
    {
        var parts = new List<string>();
        foreach (var c in containers as IEnumerable ?? Array.Empty<object>())
        {
            if (c is not ScriptObject container) continue;
            if (skipProxy && container["name"] as string == "istio-proxy") continue;
            foreach (var p in container["ports"] as IEnumerable ?? Array.Empty<object>())
            {
                if (p is not ScriptObject port) continue;
                var protocol = port["protocol"] as string;
                if (protocol is "UDP" or "SCTP") continue;
                parts.Add(GoValues.ToInt64(port["containerPort"]).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return string.Join(',', parts);
    }

    /// <summary><c>formatDuration d</c>: Go's <c>time.Duration</c> text of a proto duration (<c>"90s"</c> → <c>1m30s</c>).</summary>
    public static string FormatDuration(object? duration) => TemplateDuration.Format(duration);

    /// <summary>
    /// <c>appendMultusNetwork existing net</c>: adds the Istio CNI network to a Multus annotation. A value
    /// containing <c>]</c> is a JSON list: returned unchanged when invalid or when it already names the network,
    /// else <c>, {"name": "net"}</c> goes before the last <c>]</c> (so <c>[]</c> becomes <c>[, {...}]</c>, Istio's bug);
    /// otherwise it is a comma list. Istio 1.29 matches JSON entries on name and namespace (the render's
    /// <see cref="GoTemplateContext.MultusNamespaceMatching"/>).
    /// </summary>
    public static string AppendMultusNetwork(TemplateContext context, string? existing, string network) =>
        MultusNetworks.Append(existing ?? "", network, (context as GoTemplateContext)?.MultusNamespaceMatching == true);

    /// <summary>
    /// <c>omitNil v</c> (Istio 1.29): a copy of a map or list without nil entries, recursively; a map or list left
    /// empty becomes nil, so a parent drops it too. Other values are returned as they are.
    /// </summary>
    public static object? OmitNil(object? value)
    {
        switch (value)
        {
            case ScriptObject map:
            {
                var result = new ScriptObject();
                foreach (var key in map.Keys)
                    if (OmitNil(map[key]) is { } kept) result[key] = kept;
                return result.Count == 0 ? null : result;
            }
            case ScriptArray list:
            {
                var result = new ScriptArray();
                foreach (var item in list)
                    if (OmitNil(item) is { } kept) result.Add(kept);
                return result.Count == 0 ? null : result;
            }
            default:
                return value;
        }
    }

    /// <summary><c>env key default</c>: the render's environment entry (from <c>TemplateData.Environment</c>, never the process), or the default when unset or empty.</summary>
    public static string Env(TemplateContext context, string key, string? defaultValue)
    {
        var environment = (context as GoTemplateContext)?.Environment;
        return environment is not null && environment.TryGetValue(key, out var v) && v.Length > 0 ? v : defaultValue ?? "";
    }

    /// <summary><c>omit map keys...</c>: a copy of a string map without the keys.</summary>
    public static ScriptObject Omit(object? map, params string[] keys)
    {
        var result = new ScriptObject();
        if (map is ScriptObject m)
            foreach (var key in Fmt.SortedKeys(m.Keys))
                if (!keys.Contains(key)) result[key] = m[key];
        return result;
    }

    /// <summary><c>strdict k1 v1 k2 v2...</c>: a string map; a trailing key without a value gets <c>""</c>.</summary>
    public static ScriptObject Strdict(params object?[] keysAndValues)
    {
        var result = new ScriptObject();
        for (int i = 0; i < keysAndValues.Length; i += 2)
            result[Fmt.Sprint(keysAndValues[i])] = i + 1 < keysAndValues.Length ? Fmt.Sprint(keysAndValues[i + 1]) : "";
        return result;
    }

    /// <summary><c>mergeMaps m1 m2...</c>: later maps win; no arguments → nil.</summary>
    public static ScriptObject? MergeMaps(params object?[] maps)
    {
        if (maps.Length == 0) return null;
        var result = new ScriptObject();
        foreach (var m in maps.OfType<ScriptObject>())
            foreach (var key in m.Keys) result[key] = m[key];
        return result;
    }

    /// <summary><c>toJsonMap m1 m2...</c>: JSON of <see cref="MergeMaps"/> (no arguments → <c>null</c>).</summary>
    public static string ToJsonMap(params object?[] maps) => EncodingJson.Marshal(MergeMaps(maps));
}
