using System.Collections;
using System.Globalization;
using System.Text;
using KubeInject.Yaml;
using Scriban.Runtime;

namespace KubeInject.Rendering;

/// <summary>
/// Go <c>text/template</c> value semantics over the Scriban data model (null, bool, int/long, double,
/// string, <see cref="ScriptObject"/> maps, <see cref="ScriptArray"/> lists).
/// </summary>
internal static class GoValues
{
    /// <summary>
    /// Go truthiness (<c>if</c>, <c>and</c>, <c>or</c>, <c>not</c>); also sprig's notion of "non-empty" for
    /// <c>default</c>: false, 0, 0.0, "", nil and empty maps/lists are false, everything else true.
    /// </summary>
    public static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        int i => i != 0,
        long l => l != 0,
        double d => d != 0,
        float f => f != 0,
        decimal m => m != 0,
        ScriptObject o => o.Count > 0,
        ICollection c => c.Count > 0,
        _ => true,
    };

    /// <summary>Go <c>fmt.Sprint(v)</c>: nil → <c>&lt;nil&gt;</c>, float64 in <c>%v</c> form, maps as <c>map[k:v]</c> (sorted), lists as <c>[a b]</c>.</summary>
    public static string Sprint(object? value)
    {
        var sb = new StringBuilder();
        AppendSprint(sb, value);
        return sb.ToString();
    }

    private static void AppendSprint(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("<nil>"); break;
            case string s: sb.Append(s); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case double d: sb.Append(GoFormat.Float64(d)); break;
            case float f: sb.Append(GoFormat.Float64(f)); break;
            case ScriptObject o:
                sb.Append("map[");
                bool first = true;
                foreach (var key in SortedKeys(o))
                {
                    if (!first) sb.Append(' ');
                    first = false;
                    sb.Append(key).Append(':');
                    AppendSprint(sb, o[key]);
                }
                sb.Append(']');
                break;
            case IEnumerable list:
                sb.Append('[');
                bool firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem) sb.Append(' ');
                    firstItem = false;
                    AppendSprint(sb, item);
                }
                sb.Append(']');
                break;
            case IFormattable n: sb.Append(n.ToString(null, CultureInfo.InvariantCulture)); break;
            default: sb.Append(value); break;
        }
    }

    /// <summary>The keys of a map in Go's <c>range</c> order (byte order of the UTF-8 encoding).</summary>
    public static List<string> SortedKeys(ScriptObject map)
    {
        var keys = map.Keys.ToList();
        keys.Sort(Utf8Order);
        return keys;
    }

    /// <summary>Compares strings as Go compares them: by UTF-8 bytes, which is code-point order.</summary>
    public static int Utf8Order(string? a, string? b)
    {
        if (a is null || b is null) return a is null ? (b is null ? 0 : -1) : 1;
        var ea = a.EnumerateRunes();
        var eb = b.EnumerateRunes();
        while (true)
        {
            bool ha = ea.MoveNext(), hb = eb.MoveNext();
            if (!ha || !hb) return ha == hb ? 0 : (ha ? 1 : -1);
            int c = ea.Current.Value.CompareTo(eb.Current.Value);
            if (c != 0) return c;
        }
    }

    /// <summary>An integer argument (template literals are int, spec numbers long, values numbers double).</summary>
    public static long ToInt64(object? value) => value switch
    {
        null => 0,
        int i => i,
        long l => l,
        double d => (long)d,
        float f => (long)f,
        bool b => b ? 1 : 0,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        IConvertible c => c.ToInt64(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"cannot use {Sprint(value)} as an integer"),
    };
}
