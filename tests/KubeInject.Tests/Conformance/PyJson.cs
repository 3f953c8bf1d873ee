using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KubeInject.Tests.Conformance;

/// <summary>json.loads into Python-like values, and compare.py's quantity wrapping.</summary>
internal static partial class PyJson
{
    [GeneratedRegex(@"^([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$")]
    private static partial Regex QuantityPattern();

    private static readonly HashSet<string> QuantityParents = ["limits", "requests"];

    /// <summary>Parsed JSON, or false when the text is not JSON (Python's ValueError).</summary>
    public static bool TryParse(string text, out object? value)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            value = Convert(doc.RootElement);
            return true;
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }

    private static object? Convert(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => Object(e),
        JsonValueKind.Array => e.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => Number(e.GetRawText()),
    };

    private static PyDict Object(JsonElement e)
    {
        var d = new PyDict();
        foreach (var p in e.EnumerateObject()) d[p.Name] = Convert(p.Value);
        return d;
    }

    // Python's json gives an int unless the number has a fraction or exponent.
    private static object Number(string raw) => raw.IndexOfAny(['.', 'e', 'E']) >= 0
        ? double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture)
        : BigInteger.Parse(raw, CultureInfo.InvariantCulture);

    /// <summary>compare.py as_quantity: a str/int/float that reads as a Kubernetes quantity becomes a Quantity.</summary>
    public static object? AsQuantity(object? v)
    {
        if (v is not (string or BigInteger or double)) return v;
        string text = v is string s ? s : PyFormat.Repr(v);
        var m = QuantityPattern().Match(text.Trim(PythonWhitespace));
        if (!m.Success) return v;
        string number = m.Groups[1].Value.TrimStart('+');
        bool negative = number.StartsWith('-');
        number = number.TrimStart('-');
        int dot = number.IndexOf('.');
        string digits = dot < 0 ? number : number[..dot] + number[(dot + 1)..];
        BigInteger num = digits.Length == 0 ? 0 : BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        BigInteger den = BigInteger.Pow(10, dot < 0 ? 0 : number.Length - dot - 1);
        if (negative) num = -num;
        string suffix = m.Groups[2].Value;
        int pow10 = 0, pow2 = 0;
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E') pow10 = int.Parse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        else (pow10, pow2) = suffix switch
        {
            "n" => (-9, 0), "u" => (-6, 0), "m" => (-3, 0), "k" => (3, 0), "M" => (6, 0), "G" => (9, 0),
            "T" => (12, 0), "P" => (15, 0), "E" => (18, 0), // compare.py crashes on a bare "E"; exa is what it means
            "Ki" => (0, 10), "Mi" => (0, 20), "Gi" => (0, 30), "Ti" => (0, 40), "Pi" => (0, 50), "Ei" => (0, 60),
            _ => (0, 0),
        };
        if (pow10 >= 0) num *= BigInteger.Pow(10, pow10); else den *= BigInteger.Pow(10, -pow10);
        num <<= pow2;
        return new Quantity(text, num, den);
    }

    private static readonly char[] PythonWhitespace = [' ', '\t', '\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\xa0'];

    /// <summary>compare.py quantities(): wrap the values of limits/requests mappings, recursively (used on parsed JSON).</summary>
    public static object? Quantities(object? v, object? key = null)
    {
        switch (v)
        {
            case PyDict d:
            {
                var o = new PyDict();
                bool parent = key is string k && QuantityParents.Contains(k);
                foreach (var kv in d) o[kv.Key] = parent ? AsQuantity(kv.Value) : Quantities(kv.Value, kv.Key);
                return o;
            }
            case List<object?> l: return l.Select(x => Quantities(x)).ToList();
            default: return v;
        }
    }

    public static bool IsQuantityParent(object? key) => key is string k && QuantityParents.Contains(k);
}
