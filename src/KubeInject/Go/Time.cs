using System.Globalization;
using System.Text;

namespace KubeInject.Go;

/// <summary>
/// Go's <c>time.Duration</c> (int64 nanoseconds): <c>time.ParseDuration</c> with its error texts and
/// <c>Duration.String()</c>. Istio's legacy jsonpb reads Duration fields with <c>ParseDuration</c>, so <c>"1m30s"</c>
/// and <c>"500ms"</c> are accepted in mesh config and in <c>proxy.istio.io/config</c>.
/// </summary>
internal static class Time
{
    /// <summary>Go <c>time.ParseDuration</c>; returns null and sets <paramref name="error"/> to Go's message on failure.</summary>
    public static long? ParseDuration(string s, out string? error)
    {
        error = null;
        string orig = s;
        string Invalid() => "time: invalid duration " + Quote(orig);
        bool neg = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            neg = s[0] == '-';
            s = s[1..];
        }
        if (s == "0") return 0;
        if (s.Length == 0) { error = Invalid(); return null; }
        ulong total = 0;
        while (s.Length > 0)
        {
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0]))) { error = Invalid(); return null; }
            int i = 0;
            ulong v = 0;
            bool overflow = false;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                if (v > (1UL << 63) / 10) overflow = true;
                v = v * 10 + (ulong)(s[i] - '0');
                if (v > 1UL << 63) overflow = true;
                i++;
            }
            if (overflow) { error = Invalid(); return null; }
            bool pre = i > 0;
            ulong f = 0;
            double scale = 1;
            bool post = false;
            if (i < s.Length && s[i] == '.')
            {
                i++;
                int start = i;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    if (f <= (1UL << 63) / 10) { f = f * 10 + (ulong)(s[i] - '0'); scale *= 10; }
                    i++;
                }
                post = i > start;
            }
            if (!pre && !post) { error = Invalid(); return null; }
            int u = i;
            while (u < s.Length && s[u] != '.' && !char.IsAsciiDigit(s[u])) u++;
            if (u == i) { error = "time: missing unit in duration " + Quote(orig); return null; }
            string unitText = s[i..u];
            ulong unit = unitText switch
            {
                "ns" => 1,
                "us" or "µs" or "μs" => 1_000,
                "ms" => 1_000_000,
                "s" => 1_000_000_000,
                "m" => 60_000_000_000,
                "h" => 3_600_000_000_000,
                _ => 0,
            };
            if (unit == 0) { error = "time: unknown unit " + Quote(unitText) + " in duration " + Quote(orig); return null; }
            if (v > (1UL << 63) / unit) { error = Invalid(); return null; }
            v *= unit;
            if (f > 0)
            {
                v += (ulong)((double)f * (unit / scale));
                if (v > 1UL << 63) { error = Invalid(); return null; }
            }
            total += v;
            if (total > 1UL << 63) { error = Invalid(); return null; }
            s = s[u..];
        }
        if (neg) return -(long)total;
        if (total > long.MaxValue) { error = Invalid(); return null; }
        return (long)total;
    }

    /// <summary>Go <c>time.Duration.String()</c>: <c>45s</c>, <c>1m30s</c>, <c>1.5s</c>, <c>500ms</c>, <c>0s</c>.</summary>
    public static string DurationString(long nanos)
    {
        if (nanos == 0) return "0s";
        bool neg = nanos < 0;
        ulong u = neg ? (ulong)(-(nanos + 1)) + 1 : (ulong)nanos;
        string body;
        if (u < 1_000_000_000)
        {
            // Sub-second: pick ns, µs or ms, with a fraction.
            (ulong div, string unit) = u < 1_000 ? (1UL, "ns") : u < 1_000_000 ? (1_000UL, "µs") : (1_000_000UL, "ms");
            body = Fraction(u, div) + unit;
        }
        else
        {
            var sb = new StringBuilder();
            ulong hours = u / 3_600_000_000_000;
            ulong rem = u % 3_600_000_000_000;
            ulong minutes = rem / 60_000_000_000;
            rem %= 60_000_000_000;
            if (hours > 0) sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            if (hours > 0 || minutes > 0) sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            sb.Append(Fraction(rem, 1_000_000_000)).Append('s');
            body = sb.ToString();
        }
        return neg ? "-" + body : body;
    }

    private static string Fraction(ulong v, ulong div)
    {
        string whole = (v / div).ToString(CultureInfo.InvariantCulture);
        ulong frac = v % div;
        if (frac == 0) return whole;
        int digits = div.ToString(CultureInfo.InvariantCulture).Length - 1;
        return whole + "." + frac.ToString("D" + digits, CultureInfo.InvariantCulture).TrimEnd('0');
    }

    // time's own quote (not strconv.Quote): '"' and '\' escaped, non-ASCII and control characters as \x bytes of
    // their UTF-8 encoding, so "5µ" reads "5\xc2\xb5" in an error.
    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in s.EnumerateRunes())
        {
            if (rune.Value >= 0x80 || rune.Value < ' ')
            {
                int n = rune.EncodeToUtf8(utf8);
                for (int j = 0; j < n; j++) sb.Append("\\x").Append(utf8[j].ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                if (rune.Value is '"' or '\\') sb.Append('\\');
                sb.Append((char)rune.Value);
            }
        }
        return sb.Append('"').ToString();
    }
}
