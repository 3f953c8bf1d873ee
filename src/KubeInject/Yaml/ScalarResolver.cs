using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeInject.Yaml;

/// <summary>
/// YAML 1.1 implicit typing of plain scalars, as go-yaml v2 (Kubernetes) and PyYAML (our conformance
/// comparator) apply it. Also answers whether a string must be quoted so it reads back as a string.
/// </summary>
internal static partial class ScalarResolver
{
    [GeneratedRegex("^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();

    // Read as numbers by some YAML implementations though not by the 1.1 resolver above (1e3, 0o17, 1_000.5).
    [GeneratedRegex(@"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)|0o[0-7_]+)$")]
    private static partial Regex LooseNumberPattern();

    [GeneratedRegex(@"^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?$")]
    private static partial Regex TimestampPattern();

    /// <summary>The kind a plain scalar with this text resolves to.</summary>
    public static ScalarKind ResolvePlain(string text)
    {
        if (text.Length == 0 || text is "~" or "null" or "Null" or "NULL") return ScalarKind.Null;
        char c = text[0];
        if (char.IsLetter(c) && c is not ('y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O')) return ScalarKind.String;
        if (BoolPattern().IsMatch(text)) return ScalarKind.Bool;
        if (char.IsLetter(c)) return ScalarKind.String; // ints and floats start with a digit, a sign or a dot
        if (IntPattern().IsMatch(text)) return ScalarKind.Int;
        if (FloatPattern().IsMatch(text)) return ScalarKind.Float;
        return ScalarKind.String;
    }

    /// <summary>True when a plain scalar with this text would not read back as the same string.</summary>
    public static bool LooksLikeNonString(string text)
    {
        // Every null, bool, number or timestamp spelling starts with one of these; most strings are ruled out here
        // without running a regex (the writer asks this of every scalar it writes).
        if (text.Length > 0 && !(char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.' or '~'
                or 'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O')) return false;
        return ResolvePlain(text) != ScalarKind.String || LooseNumberPattern().IsMatch(text) || TimestampPattern().IsMatch(text);
    }

    public static bool ParseBool(string text) => text[0] is 'y' or 'Y' or 't' or 'T' || text is "on" or "On" or "ON";

    /// <summary>Integer value of a YAML 1.1 int; null when it does not fit in 64 bits.</summary>
    public static long? ParseInt(string text)
    {
        string t = text.Replace("_", "");
        bool negative = t.StartsWith('-');
        if (t.StartsWith('-') || t.StartsWith('+')) t = t[1..];
        try
        {
            long v;
            if (t.Contains(':'))
            {
                v = 0;
                foreach (var part in t.Split(':')) v = checked(v * 60 + long.Parse(part, CultureInfo.InvariantCulture));
            }
            else if (t.StartsWith("0x")) v = long.Parse(t[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            else if (t.StartsWith("0b")) v = Convert.ToInt64(t[2..], 2);
            else if (t.Length > 1 && t[0] == '0') v = Convert.ToInt64(t[1..], 8);
            else v = long.Parse(t, CultureInfo.InvariantCulture);
            return negative ? -v : v;
        }
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            return null;
        }
    }

    public static double ParseFloat(string text)
    {
        string t = text.Replace("_", "");
        if (t.EndsWith("inf", StringComparison.OrdinalIgnoreCase)) return t.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
        if (t.EndsWith("nan", StringComparison.OrdinalIgnoreCase)) return double.NaN;
        if (t.Contains(':'))
        {
            bool neg = t.StartsWith('-');
            var parts = t.TrimStart('-', '+').Split(':');
            double v = 0;
            foreach (var p in parts) v = v * 60 + double.Parse(p, CultureInfo.InvariantCulture);
            return neg ? -v : v;
        }
        return double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
