using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using KubeInject.Reading;
using KubeInject.Yaml;

namespace KubeInject.Tests.Conformance;

/// <summary>
/// Turns the project's YAML tree into the values PyYAML's safe loader would build (see PyValues.cs).
/// The project's resolver follows YAML 1.1 like PyYAML with two exceptions we undo here: it reads
/// y/Y/n/N as booleans (PyYAML: strings) and accepts unsigned float exponents like 1.5e3 (PyYAML: strings).
/// PyYAML also builds dates from timestamps and expands &lt;&lt; merge keys, which we mirror.
/// </summary>
internal static partial class PyYamlView
{
    [GeneratedRegex("[eE][0-9]")]
    private static partial Regex UnsignedExponent();

    [GeneratedRegex(@"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$")]
    private static partial Regex Timestamp();

    /// <summary>The documents of a stream as PyYAML values (null for empty documents).</summary>
    public static List<object?> LoadAll(string text, string name) =>
        ManifestReader.Read(text, name).Select(d => Convert(d.Root)).ToList();

    public static object? Convert(YNode? node) => node switch
    {
        null => null,
        YScalar s => Scalar(s),
        YSequence q => q.Items.Select(Convert).ToList(),
        YMapping m => Mapping(m),
        _ => throw new InvalidOperationException($"unknown node {node.GetType().Name}"),
    };

    private static PyDict Mapping(YMapping m)
    {
        var dict = new PyDict();
        foreach (var (k, v) in Flatten(m))
            dict[Scalar(k) ?? PyNoneKey.Instance] = Convert(v); // later duplicates win, first position kept
        return dict;
    }

    private static bool IsMergeKey(YScalar k) => k.Value == "<<" && k.Style == ScalarStyle.Plain && k.Tag is null;

    // PyYAML flatten_mapping: merged entries go first (a list of merges in reverse, so earlier ones win),
    // then the mapping's own entries, which override them.
    private static List<(YScalar Key, YNode Value)> Flatten(YMapping m)
    {
        var merged = new List<(YScalar, YNode)>();
        var own = new List<(YScalar, YNode)>();
        foreach (var e in m.Entries)
        {
            if (!IsMergeKey(e.Key)) { own.Add((e.Key, e.Value)); continue; }
            switch (e.Value)
            {
                case YMapping single: merged.AddRange(Flatten(single)); break;
                case YSequence list:
                    var parts = list.Items.Select(i => i as YMapping
                        ?? throw new FormatException("expected a mapping for merging")).Select(Flatten).Reverse();
                    foreach (var p in parts) merged.AddRange(p);
                    break;
                default: throw new FormatException("expected a mapping or list of mappings for merging");
            }
        }
        merged.AddRange(own);
        return merged;
    }

    private static object? Scalar(YScalar s)
    {
        bool plain = s.Style == ScalarStyle.Plain && s.Tag is null;
        string v = s.Value;
        switch (s.Kind)
        {
            case ScalarKind.Null: return null;
            case ScalarKind.Bool when plain && v is "y" or "Y" or "n" or "N": return v;
            case ScalarKind.Bool: return v.ToLowerInvariant() is "yes" or "true" or "on" or "y";
            case ScalarKind.Int: return ParseInt(v);
            case ScalarKind.Float when plain && UnsignedExponent().IsMatch(v): return v;
            case ScalarKind.Float: return ParseFloat(v);
            default:
                return plain && Timestamp().IsMatch(v) ? ToTimestamp(v) : v;
        }
    }

    // PyYAML construct_yaml_int.
    private static BigInteger ParseInt(string text)
    {
        string t = text.Replace("_", "");
        int sign = 1;
        if (t[0] is '-' or '+') { if (t[0] == '-') sign = -1; t = t[1..]; }
        BigInteger v;
        if (t == "0") v = 0;
        else if (t.StartsWith("0b")) v = t[2..].Aggregate(BigInteger.Zero, (a, c) => a * 2 + (c - '0'));
        else if (t.StartsWith("0x")) v = BigInteger.Parse("0" + t[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        else if (t[0] == '0') v = t[1..].Aggregate(BigInteger.Zero, (a, c) => a * 8 + (c - '0'));
        else if (t.Contains(':')) v = t.Split(':').Aggregate(BigInteger.Zero, (a, p) => a * 60 + BigInteger.Parse(p, CultureInfo.InvariantCulture));
        else v = BigInteger.Parse(t, CultureInfo.InvariantCulture);
        return sign * v;
    }

    // PyYAML construct_yaml_float.
    private static double ParseFloat(string text)
    {
        string t = text.Replace("_", "").ToLowerInvariant();
        double sign = 1;
        if (t[0] is '-' or '+') { if (t[0] == '-') sign = -1; t = t[1..]; }
        if (t == ".inf") return sign * double.PositiveInfinity;
        if (t == ".nan") return double.NaN;
        if (t.Contains(':')) return sign * t.Split(':').Aggregate(0.0, (a, p) => a * 60 + double.Parse(p, CultureInfo.InvariantCulture));
        return sign * double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?$")]
    private static partial Regex TimestampParts();

    // PyYAML construct_yaml_timestamp, with Python's repr() and str() of the date/datetime it builds.
    private static PyTimestamp ToTimestamp(string v)
    {
        var g = TimestampParts().Match(v).Groups;
        int I(int i) => g[i].Success && g[i].Length > 0 ? int.Parse(g[i].Value, CultureInfo.InvariantCulture) : 0;
        string ymd = $"{I(1)}, {I(2)}, {I(3)}";
        var date = new DateTime(I(1), I(2), I(3));
        if (!g[4].Success) return new PyTimestamp($"datetime.date({ymd})", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date", date);
        int micro = g[7].Success ? int.Parse((g[7].Value + "000000")[..6], CultureInfo.InvariantCulture) : 0;
        var local = date.AddHours(I(4)).AddMinutes(I(5)).AddSeconds(I(6)).AddTicks(micro * 10L);
        var parts = $"{ymd}, {I(4)}, {I(5)}" + (I(6) != 0 || micro != 0 ? $", {I(6)}" : "") + (micro != 0 ? $", {micro}" : "");
        string str = local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (micro != 0 ? "." + micro.ToString("D6", CultureInfo.InvariantCulture) : "");
        if (!g[8].Success) return new PyTimestamp($"datetime.datetime({parts})", str, "datetime", (false, local));
        var offset = g[9].Success ? TimeSpan.FromMinutes((I(10) * 60 + I(11)) * (g[9].Value == "-" ? -1 : 1)) : TimeSpan.Zero;
        // Python never finds a naive datetime equal to an aware one, so awareness is part of the value.
        return new PyTimestamp($"datetime.datetime({parts}, tzinfo={TzRepr(offset)})", str + TzStr(offset), "datetime", (true, local - offset));
    }

    private static string TzRepr(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero) return "datetime.timezone.utc";
        long total = (long)offset.TotalSeconds;
        long days = (long)Math.Floor(total / 86400.0), seconds = total - days * 86400;
        var fields = new List<string>();
        if (days != 0) fields.Add($"days={days}");
        if (seconds != 0) fields.Add($"seconds={seconds}");
        return $"datetime.timezone(datetime.timedelta({string.Join(", ", fields)}))";
    }

    private static string TzStr(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
