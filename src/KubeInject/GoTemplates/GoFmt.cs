using System.Collections;
using System.Globalization;
using System.Text;
using KubeInject.Rendering;
using Scriban.Runtime;

namespace KubeInject.GoTemplates;

/// <summary>
/// Go's <c>fmt.Sprint</c>, <c>Sprintln</c> and <c>Sprintf</c> (the template builtins <c>print</c>, <c>println</c>,
/// <c>printf</c>) for the verbs v s d q t x X o b c U e E f F g G T and %%, with the flags <c>+ - # 0 space</c>,
/// width and precision. Wrong verbs print Go's <c>%!d(string=x)</c>, missing and extra arguments
/// <c>%!s(MISSING)</c> and <c>%!(EXTRA type=value)</c>.
/// </summary>
internal static class GoFmt
{
    /// <summary><c>fmt.Sprint</c>: operands as %v, a space between two operands when neither is a string.</summary>
    public static string Sprint(object?[] args)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < args.Length; i++)
        {
            if (i > 0 && args[i] is not string && args[i - 1] is not string) sb.Append(' ');
            sb.Append(Value(args[i]));
        }
        return sb.ToString();
    }

    /// <summary><c>fmt.Sprintln</c>: operands as %v separated by spaces, then a newline.</summary>
    public static string Sprintln(object?[] args) => string.Join(' ', args.Select(Value)) + "\n";

    private static string Value(object? v) => GoSemantics.Sprint(v);

    private struct Spec
    {
        public bool Minus, Plus, Sharp, Zero, Space;
        public int? Width, Precision;
    }

    /// <summary><c>fmt.Sprintf</c>.</summary>
    public static string Sprintf(string format, object?[] args)
    {
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
            sb.Append(Pad(Format(verb, spec, arg), spec, arg));
        }
        if (next < args.Length)
        {
            sb.Append("%!(EXTRA ");
            sb.Append(string.Join(", ", args.Skip(next).Select(a => a is null ? "<nil>" : $"{GoSemantics.TypeName(a)}={Value(a)}")));
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

    private static string Bad(char verb, object? arg) =>
        arg is null ? $"%!{verb}(<nil>)" : $"%!{verb}({GoSemantics.TypeName(arg)}={Value(arg)})";

    private static string Format(char verb, Spec spec, object? arg)
    {
        arg = arg is GoZero ? "" : arg;
        if (verb == 'T') return GoSemantics.TypeName(arg);
        if (arg is null) return verb == 'v' ? "<nil>" : Bad(verb, arg);
        if (verb == 'v')
        {
            if (arg is long or int && spec.Plus) return Signed(Convert.ToInt64(arg), spec);
            return arg is string s ? Precise(s, spec) : Value(arg);
        }
        switch (arg)
        {
            case bool b:
                return verb == 't' ? (b ? "true" : "false") : Bad(verb, arg);
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
                    'q' => "'" + GoQuote.Quote(char.ConvertFromUtf32((int)n))[1..^1].Replace("'", "\\'").Replace("\\\"", "\"") + "'",
                    'U' => "U+" + n.ToString("X4", CultureInfo.InvariantCulture),
                    _ => Bad(verb, arg),
                };
            }
            case double d:
                return verb switch
                {
                    'f' or 'F' => Sign(d, spec) + Math.Abs(d).ToString("F" + (spec.Precision ?? 6), CultureInfo.InvariantCulture),
                    'e' or 'E' => Sign(d, spec) + Exponent(Math.Abs(d), spec.Precision ?? 6, verb),
                    'g' or 'G' => Sign(d, spec) + (spec.Precision is { } p ? General(Math.Abs(d), p) : GoValues.Sprint(Math.Abs(d))),
                    _ => Bad(verb, arg),
                };
            case string s:
                return verb switch
                {
                    's' => Precise(s, spec),
                    'q' => spec.Sharp && !s.Contains('`') ? "`" + s + "`" : GoQuote.Quote(s),
                    'x' => Convert.ToHexString(Encoding.UTF8.GetBytes(s)).ToLowerInvariant(),
                    'X' => Convert.ToHexString(Encoding.UTF8.GetBytes(s)),
                    _ => Bad(verb, arg),
                };
            case ScriptObject o when verb is 's' or 'q' or 'd' or 'x' or 'X':
            {
                var parts = GoValues.SortedKeys(o).Select(k => Format(verb, spec, k) + ":" + Format(verb, spec, o[k]));
                return "map[" + string.Join(' ', parts) + "]";
            }
            case IList l when verb is 's' or 'q' or 'd' or 'x' or 'X':
                return "[" + string.Join(' ', l.Cast<object?>().Select(v => Format(verb, spec, v))) + "]";
            default:
                return Bad(verb, arg);
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
}
