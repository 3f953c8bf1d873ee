using System.Globalization;
using System.Numerics;
using System.Text;
using KubeInject.Go;

namespace KubeInject.GoTemplates;

/// <summary>Go's number literal syntax, in the forms the template parser accepts (quoted literals: <see cref="Strconv.Unquote"/>).</summary>
internal static class GoLiterals
{
    /// <summary>
    /// The value of a number constant as Go's template execution sees it: an <c>int</c> (here <see cref="long"/>) for
    /// integer syntax (decimal, 0x hex, 0o/0 octal, 0b binary, underscores), a <c>float64</c> for a fraction or
    /// exponent. Complex numbers are not supported.
    /// </summary>
    public static object Number(string text, Func<string, Exception> error)
    {
        var t = text.Replace("_", "");
        bool negative = t.StartsWith('-');
        if (t.Length > 0 && t[0] is '+' or '-') t = t[1..];
        if (t.EndsWith('i')) throw error($"complex numbers are not supported: {text}");
        var lower = t.ToLowerInvariant();
        BigInteger? integer = null;
        if (lower.StartsWith("0x") && !lower.Contains('p') && !lower.Contains('.')) integer = ParseBase(lower[2..], 16);
        else if (lower.StartsWith("0o")) integer = ParseBase(lower[2..], 8);
        else if (lower.StartsWith("0b")) integer = ParseBase(lower[2..], 2);
        else if (lower.Length > 1 && lower[0] == '0' && lower.All(char.IsAsciiDigit)) integer = ParseBase(lower[1..], 8);
        else if (lower.Length > 0 && lower.All(char.IsAsciiDigit)) integer = BigInteger.Parse(lower, CultureInfo.InvariantCulture);
        if (integer is { } i)
        {
            if (negative) i = -i;
            if (i > long.MaxValue || i < long.MinValue) throw error($"{text} overflows int");
            return (long)i;
        }
        if (lower.StartsWith("0x")) throw error($"hexadecimal floats are not supported: {text}");
        if (!double.TryParse(lower, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || lower.Length == 0)
            throw error($"illegal number syntax: \"{text}\"");
        return negative ? -d : d;
    }

    private static BigInteger? ParseBase(string digits, int radix)
    {
        if (digits.Length == 0) return null;
        BigInteger v = 0;
        foreach (char c in digits)
        {
            int d = c <= '9' ? c - '0' : c - 'a' + 10;
            if (d < 0 || d >= radix) return null;
            v = v * radix + d;
        }
        return v;
    }
}
