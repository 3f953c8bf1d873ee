using System.Globalization;
using System.Text;
using Scriban.Runtime;

namespace KubeInject.Rendering;

/// <summary>Go's <c>time.Duration.String()</c> for proto durations (<c>"23s"</c>, <c>"1.500s"</c>, or <c>{seconds, nanos}</c>).</summary>
internal static class GoDuration
{
    /// <summary>The Go text of a duration value (<c>1m30s</c>, <c>1.5s</c>, <c>500ms</c>, <c>0s</c>).</summary>
    public static string Format(object? duration) => Format(Nanoseconds(duration));

    /// <summary>The Go text of a duration in nanoseconds.</summary>
    public static string Format(long ns)
    {
        if (ns == 0) return "0s";
        bool negative = ns < 0;
        ulong u = negative ? (ulong)(-(ns + 1)) + 1 : (ulong)ns;
        string body;
        if (u < 1_000_000_000UL)
        {
            body = u < 1_000UL ? u + "ns"
                : u < 1_000_000UL ? Fraction(u, 3) + "µs"
                : Fraction(u, 6) + "ms";
        }
        else
        {
            ulong seconds = u / 1_000_000_000UL;
            string s = Fraction(u % 60_000_000_000UL, 9) + "s";
            ulong minutes = seconds / 60;
            if (minutes == 0) body = s;
            else
            {
                ulong hours = minutes / 60;
                body = (hours > 0 ? hours + "h" : "") + (minutes % 60) + "m" + s;
            }
        }
        return negative ? "-" + body : body;
    }

    // value / 10^digits with trailing zeros (and a bare point) trimmed.
    private static string Fraction(ulong value, int digits)
    {
        ulong scale = (ulong)Math.Pow(10, digits);
        var sb = new StringBuilder((value / scale).ToString(CultureInfo.InvariantCulture));
        string frac = (value % scale).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        if (frac.Length > 0) sb.Append('.').Append(frac);
        return sb.ToString();
    }

    private static long Nanoseconds(object? duration) => duration switch
    {
        null => 0,
        string s => ParseProtoJson(s),
        ScriptObject o => GoValues.ToInt64(o["seconds"]) * 1_000_000_000L + GoValues.ToInt64(o["nanos"]),
        double d => (long)Math.Round(d * 1e9),
        _ => GoValues.ToInt64(duration) * 1_000_000_000L,
    };

    // Proto JSON durations are decimal seconds with an "s" suffix.
    private static long ParseProtoJson(string s)
    {
        var t = s.Trim();
        if (t.EndsWith('s')) t = t[..^1];
        if (!decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            throw new InvalidOperationException($"invalid duration {s}");
        return (long)(seconds * 1_000_000_000m);
    }
}
