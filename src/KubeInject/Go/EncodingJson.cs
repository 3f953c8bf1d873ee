using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Scriban.Runtime;

namespace KubeInject.Go;

/// <summary>
/// Go's <c>encoding/json</c> as Istio's injector runs it (Go ≥ 1.22): compact output, map keys sorted, HTML-safe
/// string escaping, float64 in Go's JSON number form, and decoding into Go's generic shapes. Every JSON text
/// Istio writes (sidecar.istio.io/status, proxy.istio.io/overrides, probers, sprig's toJson, jsonpb) goes
/// through this one escaper, so re-injection and diffs see the same text Go would write.
/// </summary>
internal static class EncodingJson
{
    /// <summary>The JSON text of a value: maps (<see cref="IDictionary{TKey,TValue}"/>) with sorted keys, lists, strings,
    /// bools, numbers and null.</summary>
    public static string Marshal(object? value, bool escapeHtml = true)
    {
        var sb = new StringBuilder();
        Append(sb, value, escapeHtml);
        return sb.ToString();
    }

    /// <summary>
    /// <c>json.MarshalIndent(value, "", indent)</c>: <see cref="Marshal"/> laid out as <c>json.Indent</c> does, one
    /// element a line, <c>": "</c> after keys, empty objects and arrays kept as <c>{}</c> and <c>[]</c>.
    /// </summary>
    public static string MarshalIndent(object? value, string indent)
    {
        var compact = Marshal(value);
        var sb = new StringBuilder();
        int depth = 0;
        bool needIndent = false, inString = false, escaped = false;
        void Newline() => sb.Append('\n').Insert(sb.Length, indent, depth);
        foreach (var c in compact)
        {
            if (inString)
            {
                sb.Append(c);
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
                continue;
            }
            if (needIndent && c is not (']' or '}'))
            {
                needIndent = false;
                depth++;
                Newline();
            }
            switch (c)
            {
                case '"': inString = true; sb.Append(c); break;
                case '{' or '[': sb.Append(c); needIndent = true; break;
                case ',': sb.Append(c); Newline(); break;
                case ':': sb.Append(c).Append(' '); break;
                case '}' or ']':
                    if (needIndent) needIndent = false; // an empty object or array stays {} or []
                    else { depth--; Newline(); }
                    sb.Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Appends a value's JSON to <paramref name="sb"/>; <paramref name="escapeHtml"/> as in <see cref="Quote"/>.</summary>
    public static void Append(StringBuilder sb, object? value, bool escapeHtml = true)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case string s: AppendString(sb, s, escapeHtml); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case double d: sb.Append(Float(d)); break;
            case float f: sb.Append(Float(f)); break;
            case IDictionary<string, object?> map:
                sb.Append('{');
                bool first = true;
                foreach (var key in Fmt.SortedKeys(map.Keys))
                {
                    if (!first) sb.Append(',');
                    first = false;
                    AppendString(sb, key, escapeHtml);
                    sb.Append(':');
                    Append(sb, map[key], escapeHtml);
                }
                sb.Append('}');
                break;
            case IEnumerable list:
                sb.Append('[');
                bool firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem) sb.Append(',');
                    firstItem = false;
                    Append(sb, item, escapeHtml);
                }
                sb.Append(']');
                break;
            case IFormattable n: sb.Append(n.ToString(null, CultureInfo.InvariantCulture)); break;
            default: AppendString(sb, value.ToString() ?? "", escapeHtml); break;
        }
    }

    /// <summary>A JSON string literal, quotes included; <paramref name="escapeHtml"/> false is Go's
    /// <c>Encoder.SetEscapeHTML(false)</c> (<c>&lt; &gt; &amp;</c> kept raw).</summary>
    public static string Quote(string s, bool escapeHtml = true)
    {
        var sb = new StringBuilder(s.Length + 2);
        AppendString(sb, s, escapeHtml);
        return sb.ToString();
    }

    /// <summary>
    /// Appends a JSON string literal as Go ≥ 1.22 writes it: <c>\" \\ \n \r \t \b \f</c>, other controls as
    /// <c>\u00XX</c>, <c>&lt; &gt; &amp;</c> and U+2028/2029 as <c>\u003c</c>…, invalid UTF-16 (a lone surrogate,
    /// Go's invalid UTF-8) as <c>\ufffd</c>, all other text raw. (Go 1.19–1.21 wrote <c>\u0008</c> and <c>\u000c</c>.)
    /// </summary>
    public static void AppendString(StringBuilder sb, string s, bool escapeHtml = true)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '<' or '>' or '&' when !escapeHtml: sb.Append(c); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) sb.Append(c).Append(s[++i]);
                    else if (char.IsSurrogate(c)) sb.Append("\\ufffd");
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>
    /// Go's JSON form of a float64: shortest round-trip digits, plain notation unless the magnitude is below
    /// 1e-6 or at least 1e21, then exponent form with a minimal exponent (<c>1e-7</c>, <c>1e+21</c>); so
    /// 1000000 is <c>1000000</c>, unlike <c>%v</c>'s <c>1e+06</c>. NaN and ±Inf are Go's "unsupported value" error.
    /// </summary>
    public static string Float(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) throw new InvalidOperationException($"json: unsupported value: {Strconv.FormatFloat(d)}");
        double abs = Math.Abs(d);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            // encoding/json cleans strconv's e-07 and e+21 to e-7 and e+21 (one exponent digit kept).
            string g = Strconv.FormatFloat(d, 'e');
            int e = g.IndexOf('e');
            if (g.Length - e == 4 && g[e + 2] == '0') g = g[..(e + 2)] + g[(e + 3)..];
            return g;
        }
        return Strconv.FormatFloat(d, 'f');
    }

    /// <summary>
    /// Decodes JSON into Go's generic shapes: objects → <see cref="ScriptObject"/>, arrays →
    /// <see cref="ScriptArray"/>, numbers → double, plus strings, bools and null. Throws <see cref="JsonException"/> on invalid input.
    /// </summary>
    public static object? Unmarshal(string text)
    {
        using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 10000 });
        return Convert(doc.RootElement);
    }

    private static object? Convert(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => ConvertObject(e),
        JsonValueKind.Array => new ScriptArray(e.EnumerateArray().Select(Convert)),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static ScriptObject ConvertObject(JsonElement e)
    {
        var o = new ScriptObject();
        foreach (var p in e.EnumerateObject()) o[p.Name] = Convert(p.Value); // later duplicates win, as in Go
        return o;
    }
}
