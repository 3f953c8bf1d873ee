using System.Collections;
using System.Globalization;
using System.Text;
using KubeInject.Yaml;
using Scriban.Runtime;

namespace KubeInject.Go.SigsYaml;

/// <summary>
/// <c>sigs.k8s.io/yaml.Marshal</c> over the Scriban data model: the value goes through JSON (so float64s
/// that are whole numbers come out as ints) and is emitted by go-yaml v2 in block style: keys in go-yaml's
/// natural order, sequences not indented under their key, strings that would read back as another type
/// double-quoted, multi-line strings as literal blocks, always a trailing newline. Line folding at 80
/// columns is not reproduced (it does not change the parsed value).
/// </summary>
internal static class YamlMarshal
{
    /// <summary>The YAML text of a value, ending with a newline (<c>null\n</c> for nil).</summary>
    public static string Marshal(object? value)
    {
        var sb = new StringBuilder();
        switch (Normalize(value))
        {
            case ScriptObject { Count: > 0 } m: WriteMap(sb, m, 0, inlineFirst: false); break;
            case IList { Count: > 0 } l: WriteSeq(sb, l, 0, inlineFirst: false); break;
            case var scalar: sb.Append(Scalar(scalar, 2)).Append('\n'); break; // a top-level block scalar is indented by 2
        }
        return sb.ToString();
    }

    // Anything that is not a map or list is a scalar for YAML purposes.
    private static object? Normalize(object? v) => v is string ? v : v is ScriptObject or IList ? v : v is IEnumerable e ? new ScriptArray(e.Cast<object?>()) : v;

    private static void WriteMap(StringBuilder sb, ScriptObject map, int indent, bool inlineFirst)
    {
        var keys = map.Keys.ToList();
        keys.Sort(YamlKeyOrder.Instance);
        for (int i = 0; i < keys.Count; i++)
        {
            if (i > 0 || !inlineFirst) sb.Append(' ', indent);
            sb.Append(String(keys[i], indent + 2)).Append(':');
            WriteNested(sb, map[keys[i]], indent);
        }
    }

    private static void WriteNested(StringBuilder sb, object? value, int indent)
    {
        switch (Normalize(value))
        {
            case ScriptObject { Count: > 0 } m:
                sb.Append('\n');
                WriteMap(sb, m, indent + 2, inlineFirst: false);
                break;
            case IList { Count: > 0 } l:
                sb.Append('\n');
                WriteSeq(sb, l, indent, inlineFirst: false); // go-yaml v2 does not indent a sequence under its key
                break;
            case var scalar:
                sb.Append(' ').Append(Scalar(scalar, indent + 2)).Append('\n');
                break;
        }
    }

    private static void WriteSeq(StringBuilder sb, IList list, int indent, bool inlineFirst)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (i > 0 || !inlineFirst) sb.Append(' ', indent);
            sb.Append("- ");
            switch (Normalize(list[i]))
            {
                case ScriptObject { Count: > 0 } m: WriteMap(sb, m, indent + 2, inlineFirst: true); break;
                case IList { Count: > 0 } l: WriteSeq(sb, l, indent + 2, inlineFirst: true); break;
                case var scalar: sb.Append(Scalar(scalar, indent + 2)).Append('\n'); break;
            }
        }
    }

    private static string Scalar(object? value, int blockIndent) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => String(s, blockIndent),
        double d => Number(d),
        float f => Number(f),
        ScriptObject => "{}",
        IList => "[]",
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        _ => String(value.ToString() ?? "", blockIndent),
    };

    // JSON writes a whole float64 without a fraction, and go-yaml then reads it back as an int.
    private static string Number(double d)
    {
        if (double.IsNaN(d)) return ".nan";
        if (double.IsInfinity(d)) return d > 0 ? ".inf" : "-.inf";
        string json = EncodingJson.Float(d);
        if (long.TryParse(json, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return json;
        return Strconv.FormatFloat(d);
    }

    /// <summary>A string scalar in the style go-yaml v2 picks for it.</summary>
    internal static string String(string s, int blockIndent)
    {
        if (s.Contains('\n'))
            return LiteralAllowed(s) ? Literal(s, blockIndent) : DoubleQuoted(s);
        if (ScalarResolver.LooksLikeNonString(s)) return DoubleQuoted(s);
        if (HasSpecialCharacters(s)) return DoubleQuoted(s);
        if (PlainAllowed(s)) return s;
        return "'" + s.Replace("'", "''") + "'";
    }

    private static bool PlainAllowed(string s)
    {
        if (s.Length == 0 || s[0] == ' ' || s[^1] == ' ') return false;
        char c = s[0];
        bool followedByBlank = s.Length == 1 || s[1] == ' ';
        if ("#,[]{}&*!|>'\"%@`".Contains(c)) return false;
        if ((c is '-' or '?' or ':') && followedByBlank) return false;
        if (s.EndsWith(':') || s.Contains(": ") || s.Contains(" #") || s.Contains('\t')) return false;
        return true;
    }

    private static bool HasSpecialCharacters(string s)
    {
        foreach (char c in s)
        {
            if (c == '\n' || c == '\t') continue;
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\ufeff' || c is '\ufffe' or '\uffff' || c is '\u2028' or '\u2029' || c == '\u0085') return true;
        }
        return false;
    }

    private static bool LiteralAllowed(string s)
    {
        if (HasSpecialCharacters(s) || s.Contains('\r')) return false;
        if (s.EndsWith(' ') || s.Contains(" \n")) return false; // libyaml: trailing space / space before a break
        return true;
    }

    private static string Literal(string s, int indent)
    {
        var parts = s.Split('\n').ToList();
        int trailing = s.Length - s.TrimEnd('\n').Length;
        if (s.EndsWith('\n')) parts.RemoveAt(parts.Count - 1);
        var sb = new StringBuilder("|");
        if (s.StartsWith(' ')) sb.Append('2');
        sb.Append(trailing switch { 0 => "-", 1 => "", _ => "+" });
        foreach (var line in parts)
        {
            sb.Append('\n');
            if (line.Length > 0) sb.Append(' ', indent).Append(line);
        }
        return sb.ToString();
    }

    private static string DoubleQuoted(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var rune in s.EnumerateRunes())
        {
            int v = rune.Value;
            switch (v)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                case 0: sb.Append("\\0"); break;
                default:
                    if (v < 0x20 || v == 0x7f || (v >= 0x80 && v < 0xa0) || v is 0xfeff or 0x2028 or 0x2029 or 0x85)
                        sb.Append(v <= 0xff ? "\\x" + v.ToString("X2", CultureInfo.InvariantCulture) : "\\u" + v.ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(rune.ToString());
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
