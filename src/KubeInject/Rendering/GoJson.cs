using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Scriban.Runtime;

namespace KubeInject.Rendering;

/// <summary>
/// Go <c>encoding/json</c> output over the Scriban data model: compact, map keys sorted, Go's HTML-safe
/// string escaping (<c>&lt; &gt; &amp;</c> as <c>\u003c \u003e \u0026</c>, U+2028/2029 escaped), float64 in
/// Go's JSON number form. Also the reverse: decoding into Go's generic shapes (numbers become float64).
/// </summary>
internal static class GoJson
{
    /// <summary>JSON text of a value; maps are written with sorted keys, as Go writes a map.</summary>
    public static string Marshal(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    /// <summary>Appends a value's JSON to <paramref name="sb"/>.</summary>
    public static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case string s: AppendString(sb, s); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case double d: sb.Append(Float(d)); break;
            case float f: sb.Append(Float(f)); break;
            case ScriptObject o:
                sb.Append('{');
                bool first = true;
                foreach (var key in GoValues.SortedKeys(o))
                {
                    if (!first) sb.Append(',');
                    first = false;
                    AppendString(sb, key);
                    sb.Append(':');
                    Append(sb, o[key]);
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
                    Append(sb, item);
                }
                sb.Append(']');
                break;
            case IFormattable n: sb.Append(n.ToString(null, CultureInfo.InvariantCulture)); break;
            default: AppendString(sb, value.ToString() ?? ""); break;
        }
    }

    /// <summary>A JSON string literal with Go's escaping.</summary>
    public static void AppendString(StringBuilder sb, string s)
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
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[i + 1]); i++; }
                    else if (char.IsSurrogate(c)) sb.Append("\\ufffd"); // Go replaces invalid UTF-8 with U+FFFD
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>
    /// Go's JSON form of a float64: shortest round-trip digits, plain notation unless the magnitude is below
    /// 1e-6 or at least 1e21 (so 1000000 is <c>1000000</c>, unlike <c>%v</c>'s <c>1e+06</c>).
    /// </summary>
    public static string Float(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) throw new InvalidOperationException($"json: unsupported value: {Yaml.GoFormat.Float64(d)}");
        double abs = Math.Abs(d);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            // Go writes e.g. 1e+21 and 1e-07 as "1e+21" and "1e-7".
            string g = Yaml.GoFormat.Float64(d);
            int e = g.IndexOf('e');
            if (e > 0 && g.Length - e == 4 && g[e + 2] == '0') g = g[..(e + 2)] + g[(e + 3)..];
            return g;
        }
        return FixedNotation(d.ToString("R", CultureInfo.InvariantCulture));
    }

    // Rewrites .NET's shortest round-trip text ("1E+15", "1.5E-05", "0.25") in plain decimal notation.
    private static string FixedNotation(string r)
    {
        bool negative = r.StartsWith('-');
        if (negative) r = r[1..];
        int exp = 0;
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exp = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
            r = r[..e];
        }
        int dot = r.IndexOf('.');
        string digits = dot < 0 ? r : r[..dot] + r[(dot + 1)..];
        int point = (dot < 0 ? r.Length : dot) + exp;
        string body;
        if (point <= 0) body = "0." + new string('0', -point) + digits;
        else if (point >= digits.Length) body = digits + new string('0', point - digits.Length);
        else body = digits[..point] + "." + digits[point..];
        if (body.Contains('.')) body = body.TrimEnd('0').TrimEnd('.');
        body = body.TrimStart('0');
        if (body.Length == 0 || body[0] == '.') body = "0" + body;
        return negative && body != "0" ? "-" + body : body;
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
