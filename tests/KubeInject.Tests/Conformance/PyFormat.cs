using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace KubeInject.Tests.Conformance;

/// <summary>
/// Python's repr(), json.dumps(..., sort_keys=True, default=str) and type names, so difference lines read
/// exactly like compare.py's (the lines are compared with compare.py's own output in the agreement tests).
/// </summary>
internal static partial class PyFormat
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex SimpleKey();

    /// <summary>compare.py _key_path.</summary>
    public static string KeyPath(string path, object key) =>
        key is string s && SimpleKey().IsMatch(s) ? $"{path}.{s}" : $"{path}[{Json(key)}]";

    /// <summary>compare.py _type_name.</summary>
    public static string TypeName(object? v) => v switch
    {
        null => "null",
        JsonText or string => "str",
        bool => "bool",
        BigInteger => "int",
        double => "float",
        PyDict => "dict",
        List<object?> => "list",
        PyTimestamp t => t.TypeName,
        Quantity => "Quantity",
        _ => v.GetType().Name,
    };

    /// <summary>compare.py _show: repr for scalars, sorted JSON for collections, cut to 160 characters.</summary>
    public static string Show(object? v, int limit = 160)
    {
        if (v is JsonText j) v = j.S;
        string s = v switch
        {
            null => "null",
            PyDict or List<object?> => Json(v),
            _ => Repr(v),
        };
        var runes = s.EnumerateRunes().ToList();
        if (runes.Count > limit) s = string.Concat(runes.Take(limit - 3).Select(r => r.ToString())) + "...";
        return s;
    }

    /// <summary>Python repr() of a scalar.</summary>
    public static string Repr(object? v) => v switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        BigInteger i => i.ToString(CultureInfo.InvariantCulture),
        double d => FloatRepr(d),
        string s => StrRepr(s),
        Quantity q => StrRepr(q.Text),
        JsonText j => StrRepr(j.S),
        PyTimestamp t => t.Repr,
        PyNoneKey => "None",
        _ => v.ToString() ?? "",
    };

    /// <summary>Python str(): like repr except for strings (and objects without __str__, like Quantity).</summary>
    private static string Str(object? v) => v is string s ? s : v is PyTimestamp t ? t.Str : Repr(v);

    /// <summary>json.dumps(v, sort_keys=True, default=str) after compare.py's _plain (keys become str(k)).</summary>
    public static string Json(object? v)
    {
        var sb = new StringBuilder();
        WriteJson(sb, v);
        return sb.ToString();
    }

    private static void WriteJson(StringBuilder sb, object? v)
    {
        switch (v)
        {
            case null or PyNoneKey: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case BigInteger i: sb.Append(i.ToString(CultureInfo.InvariantCulture)); break;
            case double d:
                sb.Append(double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : FloatRepr(d));
                break;
            case string s: JsonString(sb, s); break;
            case JsonText j: JsonString(sb, j.S); break;
            case PyDict m:
            {
                sb.Append('{');
                var items = m.Select(kv => (Key: Str(kv.Key), kv.Value)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
                for (int i = 0; i < items.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    JsonString(sb, items[i].Key);
                    sb.Append(": ");
                    WriteJson(sb, items[i].Value);
                }
                sb.Append('}');
                break;
            }
            case List<object?> l:
                sb.Append('[');
                for (int i = 0; i < l.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    WriteJson(sb, l[i]);
                }
                sb.Append(']');
                break;
            default: JsonString(sb, Str(v)); break; // default=str: Quantity -> its repr, timestamps -> text
        }
    }

    // ensure_ascii=True: everything outside ' '..'~' is escaped, with lower-case hex.
    private static void JsonString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < ' ' || c > '~') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Python repr(str): single quotes unless the text has ' and no ", escapes for unprintables.</summary>
    public static string StrRepr(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (var r in s.EnumerateRunes())
        {
            int c = r.Value;
            if (c == quote || c == '\\') sb.Append('\\').Append((char)c);
            else if (c == '\t') sb.Append("\\t");
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c < ' ' || c == 0x7f) sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            else if (c < 0x7f || Printable(r)) sb.Append(r.ToString());
            else if (c <= 0xff) sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            else if (c <= 0xffff) sb.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture));
        }
        return sb.Append(quote).ToString();
    }

    // str.isprintable(): not Other (Cc, Cf, Cs, Co, Cn) and not a separator other than the space.
    private static bool Printable(Rune r) => Rune.GetUnicodeCategory(r) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
        UnicodeCategory.SpaceSeparator => r.Value == ' ',
        _ => true,
    };

    /// <summary>Python repr(float): shortest round-trip digits, exponent form below 1e-4 or from 1e16.</summary>
    public static string FloatRepr(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        string r = d.ToString("E16", CultureInfo.InvariantCulture);
        // Find the shortest precision that round-trips, like Python's dtoa mode 0.
        for (int p = 0; p <= 16; p++)
        {
            string t = d.ToString("E" + p, CultureInfo.InvariantCulture);
            if (double.Parse(t, CultureInfo.InvariantCulture) == d) { r = t; break; }
        }
        bool negative = r.StartsWith('-') || (d == 0 && double.IsNegative(d));
        r = r.TrimStart('-');
        int e = r.IndexOf('E');
        string digits = r[..e].Replace(".", "").TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        int exp = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        int decpt = d == 0 ? 1 : exp + 1;
        string body;
        if (decpt > 16 || decpt < -3)
        {
            string mant = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            int x = decpt - 1;
            body = mant + "e" + (x < 0 ? "-" : "+") + Math.Abs(x).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (decpt <= 0) body = "0." + new string('0', -decpt) + digits;
        else if (decpt >= digits.Length) body = digits + new string('0', decpt - digits.Length) + ".0";
        else body = digits[..decpt] + "." + digits[decpt..];
        return (negative ? "-" : "") + body;
    }
}
