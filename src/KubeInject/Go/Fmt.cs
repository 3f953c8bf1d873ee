using System.Collections;
using System.Globalization;
using System.Text;

namespace KubeInject.Go;

/// <summary>
/// Go's <c>fmt</c>: <c>Sprint</c> (<c>%v</c>: nil as <c>&lt;nil&gt;</c>, float64 as <c>strconv.FormatFloat(v, 'g', -1, 64)</c>,
/// maps as <c>map[k:v]</c> with sorted keys, lists as <c>[a b]</c>), <c>Sprintln</c> and <c>Sprintf</c> (the template
/// builtins <c>print</c>, <c>println</c>, <c>printf</c>) for the verbs v s d q t x X o b c U e E f F g G T and %%,
/// with the flags <c>+ - # 0 space</c>, width and precision. Wrong verbs print Go's <c>%!d(string=x)</c>, missing and
/// extra arguments <c>%!s(MISSING)</c> and <c>%!(EXTRA type=value)</c>. Values are Go's generic shapes: string,
/// bool, long (int), double (float64), <see cref="IDictionary{TKey,TValue}"/> maps and <see cref="IEnumerable"/> lists.
/// </summary>
internal static class Fmt
{
    /// <summary><c>fmt.Sprint(a...)</c>: operands as %v, a space between two operands when neither is a string.</summary>
    public static string SprintOperands(object?[] args)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < args.Length; i++)
        {
            if (i > 0 && args[i] is not string && args[i - 1] is not string) sb.Append(' ');
            sb.Append(Sprint(args[i]));
        }
        return sb.ToString();
    }

    /// <summary><c>fmt.Sprintln</c>: operands as %v separated by spaces, then a newline.</summary>
    public static string Sprintln(object?[] args) => string.Join(' ', args.Select(a => Sprint(a))) + "\n";

    private struct Spec
    {
        public bool Minus, Plus, Sharp, Zero, Space;
        public int? Width, Precision;
    }

    /// <summary>
    /// <c>fmt.Sprintf</c>. <paramref name="typeName"/> names the Go type of an operand for <c>%T</c> and bad-verb
    /// messages when the caller's values carry more types than <see cref="TypeName"/> knows.
    /// </summary>
    public static string Sprintf(string format, object?[] args, Func<object?, string>? typeName = null)
    {
        typeName ??= TypeName;
        var sb = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c != '%') { sb.Append(c); continue; }
            if (++i >= format.Length) { sb.Append("%!(NOVERB)"); break; }
            var spec = new Spec();
            for (; i < format.Length; i++)
            {
                switch (format[i])
                {
                    case '-': spec.Minus = true; spec.Zero = false; continue;
                    case '+': spec.Plus = true; continue;
                    case '#': spec.Sharp = true; continue;
                    case '0': spec.Zero = !spec.Minus; continue;
                    case ' ': spec.Space = true; continue;
                }
                break;
            }
            spec.Width = Digits(format, ref i);
            if (i < format.Length && format[i] == '.')
            {
                i++;
                spec.Precision = Digits(format, ref i) ?? 0;
            }
            if (i >= format.Length) { sb.Append("%!(NOVERB)"); break; }
            char verb = format[i];
            if (verb == '%') { sb.Append('%'); continue; }
            if (next >= args.Length) { sb.Append("%!").Append(verb).Append("(MISSING)"); continue; }
            var arg = args[next++];
            sb.Append(Pad(Format(verb, spec, arg, typeName), spec, arg));
        }
        if (next < args.Length)
        {
            sb.Append("%!(EXTRA ");
            sb.Append(string.Join(", ", args.Skip(next).Select(a => a is null ? "<nil>" : $"{typeName(a)}={Sprint(a)}")));
            sb.Append(')');
        }
        return sb.ToString();
    }

    private static int? Digits(string s, ref int i)
    {
        int start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        return i > start ? int.Parse(s.AsSpan(start, i - start), CultureInfo.InvariantCulture) : null;
    }

    private static string Pad(string text, Spec spec, object? arg)
    {
        if (spec.Width is not { } width) return text;
        int length = text.EnumerateRunes().Count();
        if (length >= width) return text;
        if (spec.Minus) return text + new string(' ', width - length);
        if (spec.Zero && arg is long or int or double && !text.StartsWith('%'))
        {
            int sign = text.Length > 0 && text[0] is '-' or '+' or ' ' ? 1 : 0;
            return text[..sign] + new string('0', width - length) + text[sign..];
        }
        return new string(' ', width - length) + text;
    }

    private static string Bad(char verb, object? arg, Func<object?, string> typeName) =>
        arg is null ? $"%!{verb}(<nil>)" : $"%!{verb}({typeName(arg)}={Sprint(arg)})";

    private static string Format(char verb, Spec spec, object? arg, Func<object?, string> typeName)
    {
        if (verb == 'T') return typeName(arg);
        if (arg is null) return verb == 'v' ? "<nil>" : Bad(verb, arg, typeName);
        if (verb == 'v')
        {
            if (arg is long or int && spec.Plus) return Signed(Convert.ToInt64(arg), spec);
            return arg is string s ? Precise(s, spec) : Sprint(arg);
        }
        switch (arg)
        {
            case bool b:
                return verb == 't' ? (b ? "true" : "false") : Bad(verb, arg, typeName);
            case long or int:
            {
                long n = Convert.ToInt64(arg);
                return verb switch
                {
                    'd' => Signed(n, spec),
                    'x' => (n < 0 ? "-" : "") + (spec.Sharp ? "0x" : "") + Math.Abs(n).ToString("x", CultureInfo.InvariantCulture),
                    'X' => (n < 0 ? "-" : "") + (spec.Sharp ? "0X" : "") + Math.Abs(n).ToString("X", CultureInfo.InvariantCulture),
                    'o' => (n < 0 ? "-" : "") + (spec.Sharp ? "0" : "") + Convert.ToString(Math.Abs(n), 8),
                    'b' => (n < 0 ? "-" : "") + Convert.ToString(Math.Abs(n), 2),
                    'c' => char.ConvertFromUtf32((int)n),
                    'q' => "'" + Strconv.Quote(char.ConvertFromUtf32((int)n))[1..^1].Replace("'", "\\'").Replace("\\\"", "\"") + "'",
                    'U' => "U+" + n.ToString("X4", CultureInfo.InvariantCulture),
                    _ => Bad(verb, arg, typeName),
                };
            }
            case double d:
                return verb switch
                {
                    'f' or 'F' => Sign(d, spec) + Math.Abs(d).ToString("F" + (spec.Precision ?? 6), CultureInfo.InvariantCulture),
                    'e' or 'E' => Sign(d, spec) + Exponent(Math.Abs(d), spec.Precision ?? 6, verb),
                    'g' or 'G' => Sign(d, spec) + (spec.Precision is { } p ? General(Math.Abs(d), p) : Strconv.FormatFloat(Math.Abs(d))),
                    _ => Bad(verb, arg, typeName),
                };
            case string s:
                return verb switch
                {
                    's' => Precise(s, spec),
                    'q' => spec.Sharp && !s.Contains('`') ? "`" + s + "`" : Strconv.Quote(s),
                    'x' => Convert.ToHexString(Encoding.UTF8.GetBytes(s)).ToLowerInvariant(),
                    'X' => Convert.ToHexString(Encoding.UTF8.GetBytes(s)),
                    _ => Bad(verb, arg, typeName),
                };
            case IDictionary<string, object?> o when verb is 's' or 'q' or 'd' or 'x' or 'X':
            {
                var parts = SortedKeys(o.Keys).Select(k => Format(verb, spec, k, typeName) + ":" + Format(verb, spec, o[k], typeName));
                return "map[" + string.Join(' ', parts) + "]";
            }
            case IList l when verb is 's' or 'q' or 'd' or 'x' or 'X':
                return "[" + string.Join(' ', l.Cast<object?>().Select(v => Format(verb, spec, v, typeName))) + "]";
            default:
                return Bad(verb, arg, typeName);
        }
    }

    private static string Precise(string s, Spec spec) =>
        spec.Precision is { } p && p < s.EnumerateRunes().Count() ? string.Concat(s.EnumerateRunes().Take(p).Select(r => r.ToString())) : s;

    private static string Signed(long n, Spec spec) =>
        n < 0 ? n.ToString(CultureInfo.InvariantCulture) : (spec.Plus ? "+" : spec.Space ? " " : "") + n.ToString(CultureInfo.InvariantCulture);

    private static string Sign(double d, Spec spec) => d < 0 || (d == 0 && double.IsNegative(d)) ? "-" : spec.Plus ? "+" : spec.Space ? " " : "";

    private static string Exponent(double d, int precision, char verb)
    {
        var s = d.ToString((verb == 'E' ? "E" : "e") + precision, CultureInfo.InvariantCulture);
        // .NET writes three exponent digits; Go at least two.
        int e = s.IndexOfAny(['e', 'E']);
        var mantissa = s[..(e + 2)];
        var exp = s[(e + 2)..].TrimStart('0');
        return mantissa + exp.PadLeft(2, '0');
    }

    private static string General(double d, int precision)
    {
        if (precision == 0) precision = 1;
        if (d == 0) return "0";
        int exp = (int)Math.Floor(Math.Log10(d));
        var rounded = double.Parse(d.ToString("E" + (precision - 1), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        exp = rounded == 0 ? 0 : (int)Math.Floor(Math.Log10(rounded));
        if (exp < -4 || exp >= precision)
        {
            var s = Exponent(rounded, precision - 1, 'e');
            int e = s.IndexOf('e');
            var m = s[..e];
            if (m.Contains('.')) m = m.TrimEnd('0').TrimEnd('.');
            return m + s[e..];
        }
        var f = rounded.ToString("F" + Math.Max(precision - 1 - exp, 0), CultureInfo.InvariantCulture);
        return f.Contains('.') ? f.TrimEnd('0').TrimEnd('.') : f;
    }

    /// <summary>The Go type name of a generic value, for <c>%T</c> and bad-verb messages.</summary>
    public static string TypeName(object? v) => v switch
    {
        null => "<nil>",
        bool => "bool",
        long or int => "int",
        double => "float64",
        string => "string",
        IDictionary<string, object?> => "map[string]interface {}",
        IList => "[]interface {}",
        _ => v.GetType().Name,
    };

    /// <summary><c>fmt.Sprint(v)</c> of one value (<c>%v</c>): nil → <c>&lt;nil&gt;</c>, float64 in <c>%v</c> form, maps as <c>map[k:v]</c> (sorted), lists as <c>[a b]</c>.</summary>
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
            case double d: sb.Append(Strconv.FormatFloat(d)); break;
            case float f: sb.Append(Strconv.FormatFloat(f)); break;
            case IDictionary<string, object?> o:
                sb.Append("map[");
                bool first = true;
                foreach (var key in SortedKeys(o.Keys))
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

    /// <summary>The keys of a map in the order Go prints and ranges over them (byte order of the UTF-8 encoding).</summary>
    public static List<string> SortedKeys(IEnumerable<string> mapKeys)
    {
        var keys = mapKeys.ToList();
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
}
