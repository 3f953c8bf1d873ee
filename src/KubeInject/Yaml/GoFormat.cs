using System.Globalization;

namespace KubeInject.Yaml;

/// <summary>Go's text formatting of numbers, where Istio's output depends on it.</summary>
internal static class GoFormat
{
    /// <summary>
    /// Go <c>%v</c> of a float64 (<c>strconv.FormatFloat(v, 'g', -1, 64)</c>): shortest digits, exponent form
    /// when the decimal exponent is below -4 or at least 6 (so <c>1000000</c> prints <c>1e+06</c>).
    /// </summary>
    public static string Float64(double v) => Shortest(v.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Go <c>%v</c> of a value that may be an integer or a float64.</summary>
    public static string Number(object? v) => v switch
    {
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => Float64(d),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>sigs.k8s.io/yaml's conversion of a YAML float into a Go string field (32-bit shortest form).</summary>
    public static string Float32(double v) => Shortest(((float)v).ToString("R", CultureInfo.InvariantCulture));

    private static string Shortest(string r)
    {
        if (r is "∞" or "Infinity") return "+Inf";
        if (r is "-∞" or "-Infinity") return "-Inf";
        if (r is "NaN") return "NaN";
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
        // decimal point position relative to the start of digits
        int dp = intPart.Length - leadingZeros + exp10;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) return negative ? "-0" : "0";
        int x = dp - 1;
        string body;
        if (x < -4 || x >= 6)
        {
            string m = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            body = m + "e" + (x < 0 ? "-" : "+") + Math.Abs(x).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (dp <= 0) body = "0." + new string('0', -dp) + digits;
        else if (dp >= digits.Length) body = digits + new string('0', dp - digits.Length);
        else body = digits[..dp] + "." + digits[dp..];
        return negative ? "-" + body : body;
    }
}
