using System.Numerics;

namespace KubeInject.Settings;

/// <summary>Go <c>strconv</c> parsers with their exact error texts (<c>strconv.ParseUint: parsing "x": invalid syntax</c>).</summary>
internal static class GoStrconv
{
    /// <summary><c>strconv.ParseUint(s, 10, bitSize)</c>; null on success, else Go's error text.</summary>
    public static string? ParseUintError(string s, int bitSize)
    {
        if (s.Length == 0 || !s.All(char.IsAsciiDigit)) return Error("ParseUint", s, "invalid syntax");
        var v = BigInteger.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        return v > (BigInteger.One << bitSize) - 1 ? Error("ParseUint", s, "value out of range") : null;
    }

    /// <summary><c>strconv.Atoi(s)</c>: the value, or null with Go's error text.</summary>
    public static long? Atoi(string s, out string? error)
    {
        error = null;
        string digits = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? s[1..] : s;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            error = Error("Atoi", s, "invalid syntax");
            return null;
        }
        var v = BigInteger.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        if (v > long.MaxValue || v < long.MinValue)
        {
            error = Error("Atoi", s, "value out of range");
            return null;
        }
        return (long)v;
    }

    /// <summary><c>strconv.ParseBool(s)</c>; null on success, else Go's error text.</summary>
    public static string? ParseBoolError(string s) => ParseBool(s) is null ? Error("ParseBool", s, "invalid syntax") : null;

    /// <summary><c>strconv.ParseBool</c>: <c>1 t T TRUE true True</c> / <c>0 f F FALSE false False</c>, else null.</summary>
    public static bool? ParseBool(string s) => s switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    private static string Error(string func, string input, string why) => $"strconv.{func}: parsing {GoText.Quote(input)}: {why}";
}
