using System.Globalization;
using System.Numerics;
using System.Text;

namespace KubeInject.Go;

/// <summary>
/// Go's <c>strconv</c>: <c>Quote</c>/<c>Unquote</c>, <c>ParseBool</c>, <c>Atoi</c>, <c>ParseUint</c> with their exact
/// error texts (<c>strconv.ParseUint: parsing "x": invalid syntax</c>), and <c>FormatFloat</c> with shortest digits.
/// </summary>
internal static class Strconv
{
    /// <summary>
    /// <c>strconv.Quote</c> (the <c>%q</c> verb, sprig's <c>quote</c>): <c>"</c> and <c>\</c> escaped, <c>\a \b \f \n \r
    /// \t \v</c> for those controls, other non-printable runes as <c>\xXX</c> (below U+0080), <c>\uXXXX</c> or
    /// <c>\UXXXXXXXX</c>; printable Unicode (U+FFFD included) kept as is. A lone surrogate reads as U+FFFD, as Go's
    /// JSON decoder turns one into. Every escape is also valid in a YAML double-quoted scalar.
    /// </summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        foreach (var rune in s.EnumerateRunes())
        {
            int v = rune.Value;
            switch (v)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (IsPrint(rune)) sb.Append(rune.ToString());
                    else if (v < 0x80) sb.Append("\\x").Append(v.ToString("x2", CultureInfo.InvariantCulture));
                    else if (v < 0x10000) sb.Append("\\u").Append(v.ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append("\\U").Append(v.ToString("x8", CultureInfo.InvariantCulture));
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    // unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static bool IsPrint(Rune r)
    {
        if (r.Value == ' ') return true;
        return Rune.GetUnicodeCategory(r) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.OtherPunctuation
                or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => true,
            _ => false,
        };
    }

    /// <summary>
    /// <c>strconv.Unquote</c> of a "…", `…` or '…' literal (escapes <c>\a \b \f \n \r \t \v \\ \' \" \xHH \OOO \uHHHH
    /// \UHHHHHHHH</c>); <paramref name="error"/> builds the exception for invalid syntax.
    /// </summary>
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

    /// <summary><c>strconv.ParseBool</c>: <c>1 t T TRUE true True</c> / <c>0 f F FALSE false False</c>, else null (Go's syntax error).</summary>
    public static bool? ParseBool(string? s) => s switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    /// <summary><c>strconv.ParseBool(s)</c>; null on success, else Go's error text.</summary>
    public static string? ParseBoolError(string s) => ParseBool(s) is null ? Error("ParseBool", s, "invalid syntax") : null;

    /// <summary><c>strconv.ParseUint(s, 10, bitSize)</c>; null on success, else Go's error text.</summary>
    public static string? ParseUintError(string s, int bitSize)
    {
        if (s.Length == 0 || !s.All(char.IsAsciiDigit)) return Error("ParseUint", s, "invalid syntax");
        var v = BigInteger.Parse(s, CultureInfo.InvariantCulture);
        return v > (BigInteger.One << bitSize) - 1 ? Error("ParseUint", s, "value out of range") : null;
    }

    /// <summary><c>strconv.Atoi(s)</c> (a 64-bit int): the value, or null with Go's error text.</summary>
    public static long? Atoi(string s, out string? error)
    {
        error = null;
        string digits = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? s[1..] : s;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            error = Error("Atoi", s, "invalid syntax");
            return null;
        }
        var v = BigInteger.Parse(s, CultureInfo.InvariantCulture);
        if (v > long.MaxValue || v < long.MinValue)
        {
            error = Error("Atoi", s, "value out of range");
            return null;
        }
        return (long)v;
    }

    private static string Error(string func, string input, string why) => $"strconv.{func}: parsing {Quote(input)}: {why}";

    /// <summary>
    /// <c>strconv.FormatFloat(v, fmt, -1, bitSize)</c>: the shortest digits that read back as the same float64
    /// (or float32 when <paramref name="bitSize"/> is 32). <c>'g'</c> (what <c>%v</c> prints) uses exponent form when
    /// the decimal exponent is below -4 or at least 6 (<c>1e+06</c>); <c>'e'</c> always (<c>1e-07</c>), <c>'f'</c>
    /// never (<c>1000000</c>). Infinities and NaN are <c>+Inf -Inf NaN</c>.
    /// </summary>
    public static string FormatFloat(double v, char fmt = 'g', int bitSize = 64)
    {
        if (double.IsNaN(v)) return "NaN";
        if (double.IsInfinity(v)) return v > 0 ? "+Inf" : "-Inf";
        string r = bitSize == 32
            ? ((float)v).ToString("R", CultureInfo.InvariantCulture)
            : v.ToString("R", CultureInfo.InvariantCulture);
        if (r.Contains('∞') || r.Contains("Infinity", StringComparison.Ordinal)) return r.StartsWith('-') ? "-Inf" : "+Inf";
        bool negative = r.StartsWith('-');
        if (negative) r = r[1..];
        int exp10 = 0;
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exp10 = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
            r = r[..e];
        }
        int dot = r.IndexOf('.');
        string intPart = dot < 0 ? r : r[..dot];
        string frac = dot < 0 ? "" : r[(dot + 1)..];
        string digits = (intPart + frac).TrimStart('0');
        int leadingZeros = (intPart + frac).Length - digits.Length;
        // The decimal point's position relative to the first significant digit.
        int dp = intPart.Length - leadingZeros + exp10;
        digits = digits.TrimEnd('0');
        string sign = negative ? "-" : "";
        if (digits.Length == 0) return sign + (fmt == 'e' ? "0e+00" : "0");
        int x = dp - 1;
        if (fmt == 'e' || (fmt == 'g' && (x < -4 || x >= 6)))
        {
            string m = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            return sign + m + "e" + (x < 0 ? "-" : "+") + Math.Abs(x).ToString("00", CultureInfo.InvariantCulture);
        }
        if (dp <= 0) return sign + "0." + new string('0', -dp) + digits;
        if (dp >= digits.Length) return sign + digits + new string('0', dp - digits.Length);
        return sign + digits[..dp] + "." + digits[dp..];
    }
}
