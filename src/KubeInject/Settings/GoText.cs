using System.Globalization;
using System.Text;

namespace KubeInject.Settings;

/// <summary>Go's text helpers whose exact output appears in Istio's messages and JSON.</summary>
internal static class GoText
{
    /// <summary>Go <c>strconv.Quote</c>: double quotes, Go escapes for control and non-printable characters.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var rune in s.EnumerateRunes())
        {
            int c = rune.Value;
            switch (c)
            {
                case '"': sb.Append("\\\""); continue;
                case '\\': sb.Append("\\\\"); continue;
                case '\a': sb.Append("\\a"); continue;
                case '\b': sb.Append("\\b"); continue;
                case '\f': sb.Append("\\f"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\t': sb.Append("\\t"); continue;
                case '\v': sb.Append("\\v"); continue;
            }
            if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            else if (c == 0xFFFD && !rune.IsAscii) sb.Append("\\ufffd");
            else if (IsPrintable(rune)) sb.Append(rune.ToString());
            else if (c < 0x10000) sb.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture));
        }
        return sb.Append('"').ToString();
    }

    // Close to Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static bool IsPrintable(Rune r)
    {
        if (r.Value == ' ') return true;
        var cat = Rune.GetUnicodeCategory(r);
        return cat switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
    }

    /// <summary>Go <c>encoding/json</c> string literal (escapes <c>&lt; &gt; &amp;</c>, U+2028/9, control characters).</summary>
    public static string JsonString(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (char c in s)
        {
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
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>
    /// Go <c>encoding/json</c> text of a float64: plain decimal (<c>1000000</c>, <c>0.5</c>) unless the magnitude is
    /// below 1e-6 or at least 1e21, then exponent form with a minimal exponent (<c>1e-7</c>, <c>1e+21</c>).
    /// </summary>
    public static string JsonFloat(double v)
    {
        if (v == 0) return "0";
        double abs = Math.Abs(v);
        // Shortest round-trip digits and decimal exponent.
        string shortest = v.ToString("R", CultureInfo.InvariantCulture);
        int e = shortest.IndexOfAny(['E', 'e']);
        string mant = e < 0 ? shortest : shortest[..e];
        int exp = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], CultureInfo.InvariantCulture);
        bool neg = mant.StartsWith('-');
        if (neg) mant = mant[1..];
        int dot = mant.IndexOf('.');
        string digits = (dot < 0 ? mant : mant[..dot] + mant[(dot + 1)..]);
        int point = (dot < 0 ? mant.Length : dot) + exp;
        int lead = digits.Length - digits.TrimStart('0').Length;
        digits = digits.TrimStart('0');
        point -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) return "0";
        string body;
        if (abs < 1e-6 || abs >= 1e21)
        {
            int x = point - 1;
            body = (digits.Length > 1 ? digits[0] + "." + digits[1..] : digits) + "e" + (x < 0 ? "-" : "+") + Math.Abs(x).ToString(CultureInfo.InvariantCulture);
        }
        else if (point <= 0) body = "0." + new string('0', -point) + digits;
        else if (point >= digits.Length) body = digits + new string('0', point - digits.Length);
        else body = digits[..point] + "." + digits[point..];
        return neg ? "-" + body : body;
    }
}
