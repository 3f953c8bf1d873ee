using System.Globalization;

namespace KubeInject.Go.Protojson;

/// <summary>The JSON form of <c>google.protobuf.Duration</c>: decimal seconds with an <c>s</c> suffix.</summary>
internal static class ProtoDuration
{
    /// <summary>jsonpb's Duration text: seconds with 0, 3, 6 or 9 fraction digits (<c>"23s"</c>, <c>"1.500s"</c>).</summary>
    public static string Format(long nanos)
    {
        bool neg = nanos < 0;
        ulong u = neg ? (ulong)(-(nanos + 1)) + 1 : (ulong)nanos;
        string x = (u / 1_000_000_000).ToString(CultureInfo.InvariantCulture) + "." + (u % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
        for (int i = 0; i < 2 && x.EndsWith("000", StringComparison.Ordinal); i++) x = x[..^3];
        if (x.EndsWith(".000", StringComparison.Ordinal)) x = x[..^4];
        return (neg ? "-" : "") + x + "s";
    }

    /// <summary>The nanoseconds of a Duration's JSON text (<c>"1.500s"</c>); throws on anything else.</summary>
    public static long Parse(string s)
    {
        var t = s.Trim();
        if (t.EndsWith('s')) t = t[..^1];
        if (!decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            throw new InvalidOperationException($"invalid duration {s}");
        return (long)(seconds * 1_000_000_000m);
    }
}
