using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KubeInject.Go;

/// <summary>
/// A version of Masterminds/semver v3 (<c>semver.NewVersion</c>, the lenient parse sprig's <c>semver</c> and
/// <c>semverCompare</c> use): an optional <c>v</c>, one to three numeric parts (missing ones are 0), a prerelease
/// and build metadata. Templates read it through its methods (<c>.Major</c>, <c>.Prerelease</c>, …); it prints as
/// <see cref="ToString"/> (semver's <c>String()</c>, without the <c>v</c>).
/// </summary>
internal sealed partial class SemverVersion
{
    /// <summary>The three numbers, the prerelease and the metadata (without their <c>-</c> and <c>+</c>), and the text parsed.</summary>
    public ulong Major { get; }
    /// <summary>The minor number.</summary>
    public ulong Minor { get; }
    /// <summary>The patch number.</summary>
    public ulong Patch { get; }
    /// <summary>The prerelease, "" for a release.</summary>
    public string Prerelease { get; }
    /// <summary>The build metadata.</summary>
    public string Metadata { get; }
    /// <summary>The text as given (semver's <c>Original()</c>).</summary>
    public string Original { get; }

    private SemverVersion(ulong major, ulong minor, ulong patch, string pre, string metadata, string original)
    {
        (Major, Minor, Patch, Prerelease, Metadata, Original) = (major, minor, patch, pre, metadata, original);
    }

    // semver v3's SemVerRegex, anchored.
    [GeneratedRegex(@"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    /// <summary><c>semver.NewVersion</c>; a version it rejects throws <see cref="FormatException"/> with semver's message.</summary>
    public static SemverVersion Parse(string text)
    {
        var m = VersionPattern().Match(text);
        if (!m.Success) throw new FormatException("Invalid Semantic Version");
        ulong major = Segment(m.Groups[1].Value);
        ulong minor = m.Groups[2].Success ? Segment(m.Groups[2].Value[1..]) : 0;
        ulong patch = m.Groups[3].Success ? Segment(m.Groups[3].Value[1..]) : 0;
        string pre = m.Groups[5].Value;
        // validatePrerelease: a numeric identifier may not start with 0.
        foreach (var part in pre.Split('.'))
            if (part.Length > 1 && part[0] == '0' && part.All(char.IsAsciiDigit))
                throw new FormatException("Version segment starts with 0");
        return new SemverVersion(major, minor, patch, pre, m.Groups[8].Value, text);
    }

    private static ulong Segment(string digits) =>
        ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
            : throw new FormatException($"Error parsing version segment: strconv.ParseUint: parsing {Strconv.Quote(digits)}: value out of range");

    /// <summary>semver's <c>String()</c>: <c>1.2.3-pre+meta</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
        if (Prerelease.Length > 0) sb.Append('-').Append(Prerelease);
        if (Metadata.Length > 0) sb.Append('+').Append(Metadata);
        return sb.ToString();
    }

    /// <summary>semver's <c>Compare</c>: -1, 0 or 1 by the numbers, then a release above its prereleases; metadata ignored.</summary>
    public int Compare(SemverVersion o)
    {
        if (ToString() == o.ToString()) return 0;
        int d = Major.CompareTo(o.Major);
        if (d == 0) d = Minor.CompareTo(o.Minor);
        if (d == 0) d = Patch.CompareTo(o.Patch);
        if (d != 0) return Math.Sign(d);
        if (Prerelease.Length == 0 && o.Prerelease.Length == 0) return 0;
        if (Prerelease.Length == 0) return 1;
        if (o.Prerelease.Length == 0) return -1;
        return ComparePrerelease(Prerelease, o.Prerelease);
    }

    /// <summary>semver's <c>comparePrerelease</c>, identifier by identifier.</summary>
    public static int ComparePrerelease(string v, string o)
    {
        var sp = v.Split('.');
        var op = o.Split('.');
        for (int i = 0; i < Math.Max(sp.Length, op.Length); i++)
        {
            int d = ComparePart(i < sp.Length ? sp[i] : "", i < op.Length ? op[i] : "");
            if (d != 0) return d;
        }
        return 0;
    }

    // comparePrePart: a missing part is lower; numbers compare as numbers and below words; words by bytes.
    private static int ComparePart(string s, string o)
    {
        if (s == o) return 0;
        if (s.Length == 0) return -1;
        if (o.Length == 0) return 1;
        bool sNum = ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var si);
        bool oNum = ulong.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var oi);
        if (!sNum && !oNum) return string.CompareOrdinal(s, o) > 0 ? 1 : -1;
        if (!oNum) return -1;
        if (!sNum) return 1;
        return si > oi ? 1 : -1;
    }
}
