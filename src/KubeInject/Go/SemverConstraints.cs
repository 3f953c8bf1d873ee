using System.Text.RegularExpressions;

namespace KubeInject.Go;

/// <summary>
/// A constraint of Masterminds/semver v3 (<c>semver.NewConstraint</c> and <c>Check</c>, constraints.go), which
/// sprig's <c>semverCompare</c> applies: <c>||</c> separates alternatives, commas or spaces join conditions;
/// operators <c>= != &gt; &lt; &gt;= =&gt; &lt;= =&lt; ~ ~&gt; ^</c> (none means <c>=</c>); <c>x</c>, <c>X</c> and
/// <c>*</c> wildcards; hyphen ranges <c>1.2 - 1.4.5</c>. A prerelease version can satisfy an alternative only when
/// one of its conditions names a prerelease (v3.3's <c>containsPre</c>; the check is then made on every condition
/// of that alternative).
/// </summary>
internal sealed partial class SemverConstraints
{
    private readonly List<List<Condition>> _alternatives;

    private SemverConstraints(List<List<Condition>> alternatives) => _alternatives = alternatives;

    // The expressions of constraints.go, with Go's \s ([\t\n\f\r ]) spelt out; the empty operator is an alternative.
    private const string S = @"[\t\n\f\r ]";
    private const string Ops = @"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";
    private const string Cv = @"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";

    [GeneratedRegex("^" + S + "*(" + Ops + ")" + S + "*(" + Cv + ")" + S + "*$", RegexOptions.CultureInvariant)]
    private static partial Regex ConditionPattern();

    [GeneratedRegex(S + "*(" + Cv + ")" + S + "+-" + S + "+(" + Cv + ")" + S + "*", RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();

    [GeneratedRegex("(" + Ops + ")" + S + "*(" + Cv + ")", RegexOptions.CultureInvariant)]
    private static partial Regex FindPattern();

    [GeneratedRegex("^(" + S + "*(" + Ops + ")" + S + "*(" + Cv + ")" + S + "*)((?:" + S + "+|," + S + "*)(" + Ops + ")" + S + "*(" + Cv + ")" + S + "*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidPattern();

    /// <summary><c>semver.NewConstraint</c>; a constraint it rejects throws <see cref="FormatException"/> with semver's message.</summary>
    public static SemverConstraints Parse(string text)
    {
        // rewriteRange: "A - B" becomes ">= A, <= B".
        foreach (Match r in RangePattern().Matches(text))
        {
            int at = text.IndexOf(r.Value, StringComparison.Ordinal);
            text = text[..at] + $">= {r.Groups[1].Value}, <= {r.Groups[11].Value} " + text[(at + r.Value.Length)..];
        }
        var alternatives = new List<List<Condition>>();
        foreach (var segment in text.Split("||"))
        {
            if (!ValidPattern().IsMatch(segment)) throw new FormatException("improper constraint: " + segment);
            alternatives.Add(FindPattern().Matches(segment).Select(m => Condition.Parse(m.Value)).ToList());
        }
        return new SemverConstraints(alternatives);
    }

    /// <summary><c>Check</c>: whether some alternative has every condition satisfied.</summary>
    public bool Check(SemverVersion v) =>
        _alternatives.Any(all => (v.Prerelease.Length == 0 || all.Any(c => c.NamesPrerelease)) && all.All(c => c.Check(v)));

    private sealed class Condition
    {
        private string _op = "";
        private SemverVersion _con = null!;
        private bool _dirty, _minorDirty, _patchDirty;

        private static bool IsX(string s) => s is "x" or "X" or "*";

        public static Condition Parse(string text)
        {
            var m = ConditionPattern().Match(text);
            if (!m.Success) throw new FormatException("improper constraint: " + text);
            var c = new Condition { _op = m.Groups[1].Value };
            string ver = m.Groups[2].Value;
            string major = m.Groups[3].Value, minor = m.Groups[4].Value, patch = m.Groups[5].Value, pre = m.Groups[6].Value;
            if (IsX(major) || major.Length == 0)
            {
                ver = "0.0.0" + pre;
                c._dirty = true;
            }
            else if (minor.Length == 0 || IsX(minor[1..]))
            {
                (c._dirty, c._minorDirty) = (true, true);
                ver = major + ".0.0" + pre;
            }
            else if (patch.Length == 0 || IsX(patch[1..]))
            {
                (c._dirty, c._patchDirty) = (true, true);
                ver = major + minor + ".0" + pre;
            }
            try { c._con = SemverVersion.Parse(ver); }
            catch (FormatException) { throw new FormatException("constraint parser error"); }
            return c;
        }

        public bool NamesPrerelease => _con.Prerelease.Length > 0;

        public bool Check(SemverVersion v) => _op switch
            {
                "" or "=" => _dirty ? Tilde(v) : v.Compare(_con) == 0,
                "!=" => NotEqual(v),
                ">" => GreaterThan(v),
                "<" => v.Compare(_con) < 0,
                ">=" or "=>" => v.Compare(_con) >= 0,
                "<=" or "=<" => LessThanOrEqual(v),
                "~" or "~>" => Tilde(v),
                _ => Caret(v),
            };

        private bool NotEqual(SemverVersion v)
        {
            if (_dirty)
            {
                if (_con.Major != v.Major) return true;
                if (_con.Minor != v.Minor && !_minorDirty) return true;
                if (_minorDirty) return false;
                if (_con.Patch != v.Patch && !_patchDirty) return true;
                if (_patchDirty)
                    return (v.Prerelease.Length > 0 || _con.Prerelease.Length > 0) && SemverVersion.ComparePrerelease(v.Prerelease, _con.Prerelease) != 0;
            }
            return v.Compare(_con) != 0;
        }

        private bool GreaterThan(SemverVersion v)
        {
            if (!_dirty) return v.Compare(_con) == 1;
            if (v.Major != _con.Major) return v.Major > _con.Major;
            if (_minorDirty) return false; // >11 needs 12 or more
            if (_patchDirty) return v.Minor > _con.Minor; // >11.1 needs 11.2 or more
            return v.Compare(_con) == 1;
        }

        private bool LessThanOrEqual(SemverVersion v)
        {
            if (!_dirty) return v.Compare(_con) <= 0;
            if (v.Major > _con.Major) return false;
            return !(v.Major == _con.Major && v.Minor > _con.Minor && !_minorDirty);
        }

        // ~1.2.3 is >=1.2.3 <1.3.0, ~1 and ~1.x are >=1.0.0 <2.0.0, ~0.0.0 and ~* anything.
        private bool Tilde(SemverVersion v)
        {
            if (v.Compare(_con) < 0) return false;
            if (_con.Major == 0 && _con.Minor == 0 && _con.Patch == 0 && !_minorDirty && !_patchDirty) return true;
            if (v.Major != _con.Major) return false;
            return v.Minor == _con.Minor || _minorDirty;
        }

        // ^1.2.3 is >=1.2.3 <2.0.0, ^0.2.3 is >=0.2.3 <0.3.0, ^0.0.3 is =0.0.3, ^0.0 is <0.1.0, ^0 is <1.0.0.
        private bool Caret(SemverVersion v)
        {
            if (v.Compare(_con) < 0) return false;
            if (_con.Major > 0 || _minorDirty) return v.Major == _con.Major;
            if (v.Major > 0) return false;
            if (_con.Minor > 0 || _patchDirty) return v.Minor == _con.Minor;
            if (v.Minor > 0) return false;
            return v.Patch == _con.Patch;
        }
    }
}
