using System.Globalization;
using System.Numerics;
using System.Text;

namespace KubeInject.GoTemplates;

/// <summary>Go's literal syntax: <c>strconv.Unquote</c> for "…", `…` and '…', and the number forms the template parser accepts.</summary>
internal static class GoLiterals
{
    /// <summary>The value of a quoted literal (Go escapes: \a \b \f \n \r \t \v \\ \' \" \xHH \OOO \uHHHH \UHHHHHHHH).</summary>
    public static string Unquote(string literal, Func<string, Exception> error)
    {
        if (literal.Length >= 2 && literal[0] == '`' && literal[^1] == '`')
            return literal[1..^1].Replace("\r", "");
        if (literal.Length < 2 || literal[0] != literal[^1] || literal[0] is not ('"' or '\''))
            throw error($"invalid syntax: {literal}");
        var body = literal[1..^1];
        var bytes = new List<byte>(body.Length);
        Span<byte> buffer = stackalloc byte[4];
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c != '\\')
            {
                if (char.IsHighSurrogate(c) && i + 1 < body.Length)
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(body.Substring(i, 2)));
                    i++;
                }
                else bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }
            if (++i >= body.Length) throw error($"invalid syntax: {literal}");
            char e = body[i];
            switch (e)
            {
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case 'n': bytes.Add(10); break;
                case 'r': bytes.Add(13); break;
                case 't': bytes.Add(9); break;
                case 'v': bytes.Add(11); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case '\'' when literal[0] == '\'': bytes.Add((byte)'\''); break;
                case '"' when literal[0] == '"': bytes.Add((byte)'"'); break;
                case 'x':
                    bytes.Add((byte)Hex(body, i + 1, 2, literal, error));
                    i += 2;
                    break;
                case 'u' or 'U':
                {
                    int n = e == 'u' ? 4 : 8;
                    int cp = Hex(body, i + 1, n, literal, error);
                    if (cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) throw error($"invalid syntax: {literal}");
                    int len = new Rune(cp).EncodeToUtf8(buffer);
                    for (int k = 0; k < len; k++) bytes.Add(buffer[k]);
                    i += n;
                    break;
                }
                case >= '0' and <= '7':
                {
                    if (i + 2 >= body.Length) throw error($"invalid syntax: {literal}");
                    int v = 0;
                    for (int k = 0; k < 3; k++)
                    {
                        char d = body[i + k];
                        if (d is < '0' or > '7') throw error($"invalid syntax: {literal}");
                        v = v * 8 + (d - '0');
                    }
                    if (v > 255) throw error($"invalid syntax: {literal}");
                    bytes.Add((byte)v);
                    i += 2;
                    break;
                }
                default:
                    throw error($"invalid syntax: {literal}");
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static int Hex(string s, int at, int count, string literal, Func<string, Exception> error)
    {
        if (at + count > s.Length || !int.TryParse(s.AsSpan(at, count), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int v))
            throw error($"invalid syntax: {literal}");
        return v;
    }

    /// <summary>Go <c>strconv.Quote</c>: printable characters kept, others escaped.</summary>
    public static string Quote(string s) => Rendering.GoQuote.Quote(s);

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
