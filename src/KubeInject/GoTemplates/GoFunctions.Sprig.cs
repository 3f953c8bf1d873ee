using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KubeInject.Go;
using KubeInject.Rendering;
using Scriban.Runtime;

namespace KubeInject.GoTemplates;

// sprig v3.3.0's function map (github.com/Masterminds/sprig, TxtFuncMap), every name of it: here defaults, types,
// strings, lists, dicts, conversions, math, paths, regular expressions and semantic versions; case changing and
// wrapping in GoFunctions.SprigStrings.cs, encodings, crypto and URLs in GoFunctions.SprigEncoding.cs, dates in
// GoFunctions.SprigDates.cs, and what reads the environment or draws random values in GoFunctions.SprigNonHermetic.cs.
// Argument order is sprig's (the piped value last).
internal static partial class GoFunctions
{
    private static void AddSprig(Dictionary<string, GoFunction> m)
    {
        // defaults and types
        Variadic(m, "default", 1, (_, a) => a.Length < 2 || Empty(a[1]) ? a[0] : a[1]);
        Fixed(m, "empty", 1, (_, a) => Empty(a[0]));
        Variadic(m, "coalesce", 0, (_, a) => a.FirstOrDefault(v => !Empty(v)));
        Fixed(m, "ternary", 3, (_, a) => a[2] is true ? a[0] : a[1]);
        Fixed(m, "toString", 1, (_, a) => Str(a[0]));
        Fixed(m, "toJson", 1, (_, a) => EncodingJson.Marshal(a[0]));
        Fixed(m, "mustToJson", 1, (_, a) => EncodingJson.Marshal(a[0]));
        Fixed(m, "toPrettyJson", 1, (_, a) => EncodingJson.MarshalIndent(a[0], "  "));
        Fixed(m, "mustToPrettyJson", 1, (_, a) => EncodingJson.MarshalIndent(a[0], "  "));
        // toRawJson: without HTML escaping.
        Fixed(m, "toRawJson", 1, (_, a) => EncodingJson.Marshal(a[0], escapeHtml: false));
        Fixed(m, "mustToRawJson", 1, (_, a) => EncodingJson.Marshal(a[0], escapeHtml: false));
        Fixed(m, "mustFromJson", 1, (_, a) => { try { return EncodingJson.Unmarshal(Str(a[0])); } catch (System.Text.Json.JsonException e) { throw new GoExecException("error calling mustFromJson: " + e.Message); } });
        Fixed(m, "fromJson", 1, (_, a) => { try { return EncodingJson.Unmarshal(Str(a[0])); } catch (System.Text.Json.JsonException) { return new ScriptObject(); } });
        Fixed(m, "kindOf", 1, (_, a) => KindOf(a[0]));
        Fixed(m, "typeOf", 1, (_, a) => GoSemantics.TypeName(a[0]));
        Fixed(m, "kindIs", 2, (_, a) => KindOf(a[1]) == Str(a[0]));
        Fixed(m, "typeIs", 2, (_, a) => GoSemantics.TypeName(a[1]) == Str(a[0]));
        Fixed(m, "typeIsLike", 2, (_, a) => GoSemantics.TypeName(a[1]) is var t && (t == Str(a[0]) || "*" + Str(a[0]) == t));
        Variadic(m, "all", 0, (_, a) => a.All(v => !Empty(v)));
        Variadic(m, "any", 0, (_, a) => a.Any(v => !Empty(v)));
        Fixed(m, "fail", 1, (_, a) => throw new GoExecException("error calling fail: " + Str(a[0])));
        Fixed(m, "hello", 0, (_, _) => "Hello!");
        Fixed(m, "int", 1, (_, a) => ToInt64(a[0]));
        Fixed(m, "int64", 1, (_, a) => ToInt64(a[0]));
        Fixed(m, "float64", 1, (_, a) => ToFloat(a[0]));
        Fixed(m, "atoi", 1, (_, a) => long.TryParse(Str(a[0]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : 0L);
        Fixed(m, "toStrings", 1, (_, a) => new ScriptArray(Items(a[0]).Select(Str)));
        // sprig's toDecimal reads a Unix mode: the value's text in octal ("0755" → 493), 0 when it is not octal.
        Fixed(m, "toDecimal", 1, (_, a) => ParseOctal(GoSemantics.Sprint(a[0])));
        Fixed(m, "deepEqual", 2, (_, a) => DeepEqual(a[0], a[1]));

        // strings
        Variadic(m, "quote", 0, (_, a) => TemplateFunctions.Quote(a));
        Variadic(m, "squote", 0, (_, a) => string.Join(' ', a.Where(v => v is not null).Select(v => "'" + Str(v) + "'")));
        Fixed(m, "trunc", 2, (_, a) => TemplateFunctions.Trunc(Str(a[1]), Int(a[0])));
        Fixed(m, "trim", 1, (_, a) => Str(a[0]).Trim());
        Fixed(m, "trimAll", 2, (_, a) => Str(a[1]).Trim(Str(a[0]).ToCharArray()));
        Fixed(m, "trimall", 2, (_, a) => Str(a[1]).Trim(Str(a[0]).ToCharArray())); // sprig's deprecated spelling
        Fixed(m, "trimPrefix", 2, (_, a) => Str(a[1]).StartsWith(Str(a[0]), StringComparison.Ordinal) ? Str(a[1])[Str(a[0]).Length..] : Str(a[1]));
        Fixed(m, "trimSuffix", 2, (_, a) => TemplateFunctions.TrimSuffix(Str(a[1]), Str(a[0])));
        Fixed(m, "upper", 1, (_, a) => Str(a[0]).ToUpperInvariant());
        Fixed(m, "lower", 1, (_, a) => Str(a[0]).ToLowerInvariant());
        Fixed(m, "title", 1, (_, a) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(Str(a[0])));
        Fixed(m, "replace", 3, (_, a) => Str(a[2]).Replace(Str(a[0]), Str(a[1])));
        Fixed(m, "repeat", 2, (_, a) => string.Concat(Enumerable.Repeat(Str(a[1]), Math.Max(Int(a[0]), 0))));
        Fixed(m, "substr", 3, (_, a) => Substr(Str(a[2]), Int(a[0]), Int(a[1])));
        Fixed(m, "nindent", 2, (_, a) => TemplateFunctions.Nindent(Str(a[1]), Int(a[0])));
        Fixed(m, "hasPrefix", 2, (_, a) => Str(a[1]).StartsWith(Str(a[0]), StringComparison.Ordinal));
        Fixed(m, "hasSuffix", 2, (_, a) => Str(a[1]).EndsWith(Str(a[0]), StringComparison.Ordinal));
        Variadic(m, "cat", 0, (_, a) => string.Join(' ', a.Where(v => v is not null).Select(Str)));
        Fixed(m, "join", 2, (_, a) => TemplateFunctions.Join(a[1], Str(a[0])));
        Fixed(m, "split", 2, (_, a) => SplitDict(Str(a[1]), Str(a[0])));
        Fixed(m, "splitList", 2, (_, a) => new ScriptArray(Str(a[1]).Split(Str(a[0]))));
        Fixed(m, "b64enc", 1, (_, a) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Str(a[0]))));
        // sprig returns the decoder's error text in place of the value.
        Fixed(m, "b64dec", 1, (_, a) => Base64Std.DecodeString(Str(a[0]), out var error) is { } bytes ? Encoding.UTF8.GetString(bytes) : error);
        Fixed(m, "sha256sum", 1, (_, a) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Str(a[0])))).ToLowerInvariant());
        Fixed(m, "sha1sum", 1, (_, a) => Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes(Str(a[0])))).ToLowerInvariant());
        Fixed(m, "adler32sum", 1, (_, a) => Adler32(Encoding.UTF8.GetBytes(Str(a[0]))).ToString(CultureInfo.InvariantCulture));
        Fixed(m, "plural", 3, (_, a) => Int(a[2]) == 1 ? Str(a[0]) : Str(a[1]));
        Fixed(m, "splitn", 3, (_, a) => SplitDict(Str(a[2]), Str(a[0]), Int(a[1])));
        Fixed(m, "regexFindAll", 3, (_, a) => RegexFindAll(Str(a[0]), Str(a[1]), Int(a[2])));
        Fixed(m, "mustRegexFindAll", 3, (_, a) => RegexFindAll(Str(a[0]), Str(a[1]), Int(a[2])));
        Fixed(m, "mustRegexMatch", 2, (_, a) => Regex.IsMatch(Str(a[1]), Str(a[0])));
        Fixed(m, "mustRegexFind", 2, (_, a) => Regex.Match(Str(a[1]), Str(a[0])).Value);
        Fixed(m, "mustRegexReplaceAll", 3, (_, a) => Regex.Replace(Str(a[1]), Str(a[0]), Str(a[2])));
        Fixed(m, "mustRegexReplaceAllLiteral", 3, (_, a) => Regex.Replace(Str(a[1]), Str(a[0]), Str(a[2]).Replace("$", "$$")));
        Fixed(m, "mustRegexSplit", 3, (_, a) => new ScriptArray(Regex.Split(Str(a[1]), Str(a[0]))));
        Fixed(m, "regexQuoteMeta", 1, (_, a) => RegexQuoteMeta(Str(a[0])));
        Fixed(m, "base", 1, (_, a) => PathBase(Str(a[0])));
        Fixed(m, "ext", 1, (_, a) => Str(a[0]) is var p && p.LastIndexOf('.') is var i && i >= 0 && p.IndexOf('/', i) < 0 ? p[i..] : "");
        Fixed(m, "isAbs", 1, (_, a) => Str(a[0]).StartsWith('/'));
        Fixed(m, "clean", 1, (_, a) => PathClean(Str(a[0])));
        Fixed(m, "dir", 1, (_, a) => Str(a[0]) is var p ? PathClean(p[..(p.LastIndexOf('/') + 1)]) : "");
        // The os* forms are Go's path/filepath, which on Linux (where the injector runs) is path.
        foreach (var name in new[] { "base", "clean", "dir", "ext", "isAbs" })
        {
            var f = m[name];
            var os = "os" + char.ToUpperInvariant(name[0]) + name[1..];
            m[os] = (c, a) => a.Length == 1 ? f(c, a) : throw new GoExecException($"wrong number of args for {os}: want 1 got {a.Length}");
        }
        Fixed(m, "regexMatch", 2, (_, a) => Regex.IsMatch(Str(a[1]), Str(a[0])));
        Fixed(m, "regexFind", 2, (_, a) => Regex.Match(Str(a[1]), Str(a[0])).Value);
        Fixed(m, "regexReplaceAll", 3, (_, a) => Regex.Replace(Str(a[1]), Str(a[0]), Str(a[2])));
        Fixed(m, "regexReplaceAllLiteral", 3, (_, a) => Regex.Replace(Str(a[1]), Str(a[0]), Str(a[2]).Replace("$", "$$")));
        Fixed(m, "regexSplit", 3, (_, a) => new ScriptArray(Regex.Split(Str(a[1]), Str(a[0]))));

        // lists
        Variadic(m, "list", 0, (_, a) => new ScriptArray(a));
        Variadic(m, "tuple", 0, (_, a) => new ScriptArray(a));
        Fixed(m, "append", 2, (_, a) => TemplateFunctions.Append(a[0], a[1]));
        Fixed(m, "push", 2, (_, a) => TemplateFunctions.Append(a[0], a[1]));
        Fixed(m, "prepend", 2, (_, a) => { var l = new ScriptArray { a[1] }; foreach (var v in Items(a[0])) l.Add(v); return l; });
        Fixed(m, "first", 1, (_, a) => Items(a[0]).FirstOrDefault());
        Fixed(m, "last", 1, (_, a) => Items(a[0]).LastOrDefault());
        Fixed(m, "rest", 1, (_, a) => new ScriptArray(Items(a[0]).Skip(1)));
        Fixed(m, "initial", 1, (_, a) => { var l = Items(a[0]).ToList(); return new ScriptArray(l.Take(Math.Max(l.Count - 1, 0))); });
        Fixed(m, "uniq", 1, (_, a) => { var r = new ScriptArray(); foreach (var v in Items(a[0])) if (!r.Any(x => Same(x, v))) r.Add(v); return r; });
        Fixed(m, "has", 2, (_, a) => Items(a[1]).Any(x => Same(x, a[0])));
        Variadic(m, "without", 1, (_, a) => new ScriptArray(Items(a[0]).Where(x => !a[1..].Any(y => Same(x, y)))));
        Fixed(m, "compact", 1, (_, a) => new ScriptArray(Items(a[0]).Where(v => !Empty(v))));
        Fixed(m, "reverse", 1, (_, a) => new ScriptArray(Items(a[0]).Reverse()));
        Fixed(m, "sortAlpha", 1, (_, a) => { var l = Items(a[0]).Select(Str).ToList(); l.Sort(string.CompareOrdinal); return new ScriptArray(l); });
        Variadic(m, "concat", 0, (_, a) => new ScriptArray(a.SelectMany(Items)));
        Fixed(m, "chunk", 2, (_, a) => Chunk(Int(a[0]), a[1]));
        // sprig's mustSlice (its slice replaces Go's builtin in Istio's map, which KubeInject keeps: see README).
        Variadic(m, "mustSlice", 1, (_, a) => SprigSlice(a[0], a[1..]));
        Fixed(m, "mustChunk", 2, (_, a) => Chunk(Int(a[0]), a[1]));
        Fixed(m, "until", 1, (_, a) => new ScriptArray(Enumerable.Range(0, Math.Max(Int(a[0]), 0)).Select(i => (object)(long)i)));
        Fixed(m, "untilStep", 3, (_, a) => new ScriptArray(UntilStep(Int(a[0]), Int(a[1]), Int(a[2])).Select(i => (object)(long)i)));
        Variadic(m, "seq", 0, (_, a) => Seq(a.Select(Int).ToArray()));

        // dicts
        Variadic(m, "dict", 0, (_, a) => { var d = new ScriptObject(); for (int i = 0; i < a.Length; i += 2) d[Str(a[i])] = i + 1 < a.Length ? a[i + 1] : ""; return d; });
        Fixed(m, "get", 2, (_, a) => a[0] is ScriptObject d && d.TryGetValue(Str(a[1]), out var v) ? v : "");
        Fixed(m, "set", 3, (_, a) => { if (a[0] is ScriptObject d) d[Str(a[1])] = a[2]; return a[0]; });
        Fixed(m, "unset", 2, (_, a) => { if (a[0] is ScriptObject d) d.Remove(Str(a[1])); return a[0]; });
        Fixed(m, "hasKey", 2, (_, a) => a[0] is ScriptObject d && d.ContainsKey(Str(a[1])));
        Variadic(m, "keys", 0, (_, a) => new ScriptArray(a.OfType<ScriptObject>().SelectMany(d => d.Keys)));
        Fixed(m, "values", 1, (_, a) => new ScriptArray(a[0] is ScriptObject d ? d.Keys.Select(k => d[k]) : []));
        Variadic(m, "pick", 1, (_, a) => { var r = new ScriptObject(); if (a[0] is ScriptObject d) foreach (var k in a[1..].Select(Str)) if (d.TryGetValue(k, out var v)) r[k] = v; return r; });
        Variadic(m, "pluck", 1, (_, a) => new ScriptArray(a[1..].OfType<ScriptObject>().Where(d => d.ContainsKey(Str(a[0]))).Select(d => d[Str(a[0])])));
        Variadic(m, "dig", 3, (_, a) => Dig(a[..^2].Select(Str).ToArray(), a[^2], a[^1]));
        Variadic(m, "merge", 1, (_, a) => MergeInto(a, overwrite: false));
        Variadic(m, "mergeOverwrite", 1, (_, a) => MergeInto(a, overwrite: true));
        Fixed(m, "deepCopy", 1, (_, a) => EncodingJson.Unmarshal(EncodingJson.Marshal(a[0])));

        // math (sprig converts to int64)
        Variadic(m, "add", 0, (_, a) => a.Sum(ToInt64));
        Fixed(m, "add1", 1, (_, a) => ToInt64(a[0]) + 1);
        Fixed(m, "sub", 2, (_, a) => ToInt64(a[0]) - ToInt64(a[1]));
        Variadic(m, "mul", 1, (_, a) => a.Aggregate(1L, (x, v) => x * ToInt64(v)));
        Fixed(m, "div", 2, (_, a) => ToInt64(a[1]) == 0 ? throw new GoExecException("error calling div: integer divide by zero") : ToInt64(a[0]) / ToInt64(a[1]));
        Fixed(m, "mod", 2, (_, a) => ToInt64(a[1]) == 0 ? throw new GoExecException("error calling mod: integer divide by zero") : ToInt64(a[0]) % ToInt64(a[1]));
        Variadic(m, "max", 1, (_, a) => a.Max(ToInt64));
        Variadic(m, "biggest", 1, (_, a) => a.Max(ToInt64));

        // float math: sprig's addf … divf compute in shopspring/decimal and return float64; maxf, minf, floor,
        // ceil and round in float64.
        Fixed(m, "add1f", 1, (_, a) => Decimal(a, (x, y) => x + y, 1L));
        Variadic(m, "addf", 0, (_, a) => Decimal([0.0, .. a], (x, y) => x + y));
        Variadic(m, "subf", 1, (_, a) => Decimal(a, (x, y) => x - y));
        Variadic(m, "mulf", 1, (_, a) => Decimal(a, (x, y) => x * y));
        Variadic(m, "divf", 1, (_, a) => Decimal(a, (x, y) => y == 0 ? throw new GoExecException("error calling divf: decimal division by 0") : x / y));
        Variadic(m, "maxf", 1, (_, a) => a.Select(ToFloat).Aggregate(Math.Max));
        Variadic(m, "minf", 1, (_, a) => a.Select(ToFloat).Aggregate(Math.Min));
        Fixed(m, "floor", 1, (_, a) => Math.Floor(ToFloat(a[0])));
        Fixed(m, "ceil", 1, (_, a) => Math.Ceiling(ToFloat(a[0])));
        Variadic(m, "round", 2, (_, a) => Round(ToFloat(a[0]), Int(a[1]), a.Length > 2 ? ToFloat(a[2]) : .5));
        Variadic(m, "min", 1, (_, a) => a.Min(ToInt64));

        // semver (Masterminds/semver v3): a parsed version, and a version checked against a constraint
        Fixed(m, "semver", 1, (_, a) => Semver("semver", () => SemverVersion.Parse(Str(a[0]))));
        Fixed(m, "semverCompare", 2, (_, a) => Semver("semverCompare", () => SemverConstraints.Parse(Str(a[0])).Check(SemverVersion.Parse(Str(a[1])))));

        AddSprigStrings(m);
        AddSprigEncoding(m);
        AddSprigDates(m);
        AddSprigNonHermetic(m);

        // The must forms return sprig's errors where the plain forms panic; both end the render here.
        foreach (var name in new[] { "append", "push", "prepend", "first", "rest", "last", "initial", "reverse", "uniq", "without", "has", "compact", "merge", "mergeOverwrite", "deepCopy" })
            m["must" + char.ToUpperInvariant(name[0]) + name[1..]] = Must(name, m[name]);
    }

    // strconv.ParseInt(s, 8, 64), 0 on any error.
    private static long ParseOctal(string s)
    {
        int i = s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;
        if (i == s.Length) return 0;
        ulong v = 0;
        for (; i < s.Length; i++)
        {
            if (s[i] is < '0' or > '7' || v > (ulong)long.MaxValue >> 2) return 0;
            v = v << 3 | (uint)(s[i] - '0');
        }
        bool negative = s[0] == '-';
        if (v > (ulong)long.MaxValue + (negative ? 1UL : 0UL)) return 0;
        return negative ? (long)(0 - v) : (long)v;
    }

    // Go's reflect.DeepEqual over template values: the same Go type, maps with the same keys and deeply equal
    // values, lists of deeply equal elements, equal scalars (an int never equals a float64).
    private static bool DeepEqual(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a.GetType() != b.GetType()) return false;
        switch (a)
        {
            case ScriptObject x:
                var y = (ScriptObject)b;
                return x.Count == y.Count && x.Keys.All(k => y.TryGetValue(k, out var v) && DeepEqual(x[k], v));
            case IList x:
                var l = (IList)b;
                if (x.Count != l.Count) return false;
                for (int i = 0; i < x.Count; i++) if (!DeepEqual(x[i], l[i])) return false;
                return true;
            case double d:
                // NaN is not equal to itself, as in Go.
                return d == (double)b;
            default:
                return a.Equals(b);
        }
    }

    // sprig's mustSlice: list[start:end] of a list (nil for an empty one); indexes through sprig's toInt.
    private static object? SprigSlice(object? list, object?[] indexes)
    {
        if (list is not IList l || list is ScriptObject)
            throw new GoExecException($"error calling mustSlice: list should be type of slice or array but {KindOf(list)}");
        if (l.Count == 0) return null;
        int start = indexes.Length > 0 ? (int)ToInt64(indexes[0]) : 0;
        int end = indexes.Length > 1 ? (int)ToInt64(indexes[1]) : l.Count;
        if (start < 0 || end > l.Count || start > end)
            throw new GoExecException("error calling mustSlice: reflect.Value.Slice: slice index out of bounds");
        var result = new ScriptArray(end - start);
        for (int i = start; i < end; i++) result.Add(l[i]);
        return result;
    }

    // semver's errors end the render, as sprig returns them to text/template.
    private static object Semver(string name, Func<object> f)
    {
        try { return f(); }
        catch (FormatException e) { throw new GoExecException($"error calling {name}: {e.Message}"); }
    }

    // sprig's empty(): nil, false, 0, "", empty collections; a struct is never empty.
    private static bool Empty(object? v) => v is not GoStruct && !GoSemantics.Truth(v);

    private static bool Same(object? a, object? b) => Equals(a, b) || (a is not null && b is not null && GoSemantics.Sprint(a) == GoSemantics.Sprint(b) && a.GetType() == b.GetType());

    private static IEnumerable<object?> Items(object? v) => v switch
    {
        null => [],
        string s => [s],
        ScriptObject => throw new GoExecException($"cannot use a map as a list"),
        IEnumerable e => e.Cast<object?>(),
        _ => throw new GoExecException($"cannot use {GoSemantics.Sprint(v)} as a list"),
    };

    private static string KindOf(object? v) => v switch
    {
        null => "invalid",
        bool => "bool",
        long or int => "int",
        double => "float64",
        string => "string",
        GoStruct or TimeValue => "struct",
        ScriptObject => "map",
        IList => "slice",
        _ => "ptr",
    };

    private static long ToInt64(object? v) => v switch
    {
        null => 0,
        long l => l,
        int i => i,
        double d => (long)d,
        bool b => b ? 1 : 0,
        string s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l
            : double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (long)d : 0,
        _ => 0,
    };

    private static double ToFloat(object? v) => v switch
    {
        null => 0,
        long l => l,
        int i => i,
        double d => d,
        bool b => b ? 1 : 0,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0,
        _ => 0,
    };

    private static string Substr(string s, int start, int end)
    {
        if (start < 0) return end < 0 || end > s.Length ? s : s[..end];
        if (end < 0 || end > s.Length) return start > s.Length ? "" : s[start..];
        return start > end ? "" : s[start..end];
    }

    private static ScriptObject SplitDict(string s, string sep, int n = -1)
    {
        var d = new ScriptObject();
        // Go's strings.SplitN: n < 0 all parts, n == 0 none, else at most n (the last holds the rest).
        var parts = n < 0 ? s.Split(sep) : n == 0 ? [] : s.Split(sep, n);
        for (int i = 0; i < parts.Length; i++) d["_" + i.ToString(CultureInfo.InvariantCulture)] = parts[i];
        return d;
    }

    // A must form under its own name in arity errors.
    private static GoFunction Must(string name, GoFunction f)
    {
        var must = "must" + char.ToUpperInvariant(name[0]) + name[1..];
        return (c, a) =>
        {
            try { return f(c, a); }
            catch (GoExecException e) when (e.Message.StartsWith($"wrong number of args for {name}:", StringComparison.Ordinal))
            {
                throw new GoExecException($"wrong number of args for {must}:" + e.Message[$"wrong number of args for {name}:".Length..]);
            }
        };
    }

    // sprig's untilStep: start, start+step, … short of stop, counting down when stop is below start and step negative.
    private static List<int> UntilStep(int start, int stop, int step)
    {
        var v = new List<int>();
        if (stop < start)
        {
            if (step >= 0) return v;
            for (int i = start; i > stop; i += step) v.Add(i);
            return v;
        }
        if (step <= 0) return v;
        for (int i = start; i < stop; i += step) v.Add(i);
        return v;
    }

    // sprig's seq, like seq(1): "seq END", "seq START END", "seq START STEP END", inclusive, space-separated.
    private static string Seq(int[] p)
    {
        List<int> r;
        switch (p.Length)
        {
            case 1:
                int inc = p[0] < 1 ? -1 : 1;
                r = UntilStep(1, p[0] + inc, inc);
                break;
            case 2:
                int step = p[1] < p[0] ? -1 : 1;
                r = UntilStep(p[0], p[1] + step, step);
                break;
            case 3:
                int increment = 1;
                if (p[2] < p[0])
                {
                    increment = -1;
                    if (p[1] > 0) return "";
                }
                r = UntilStep(p[0], p[2] + increment, p[1]);
                break;
            default:
                return "";
        }
        return string.Join(' ', r.Select(i => i.ToString(CultureInfo.InvariantCulture)));
    }

    // sprig's execDecimalOp: the first operand combined with each of the rest, in decimal, back to float64.
    private static double Decimal(object?[] a, Func<decimal, decimal, decimal> op, object? extra = null)
    {
        var operands = extra is null ? a : [.. a, extra];
        decimal result = ToDecimal(operands[0]);
        foreach (var v in operands[1..]) result = op(result, ToDecimal(v));
        return (double)result;
    }

    private static decimal ToDecimal(object? v)
    {
        double d = ToFloat(v);
        // The shortest decimal text of the float64, as shopspring's NewFromFloat takes it.
        return decimal.TryParse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : 0;
    }

    // sprig's round: to places decimals, up when the dropped fraction reaches roundOn.
    private static double Round(double value, int places, double roundOn)
    {
        double pow = Math.Pow(10, places);
        double digit = pow * value;
        double fraction = digit - Math.Truncate(digit);
        return (fraction >= roundOn ? Math.Ceiling(digit) : Math.Floor(digit)) / pow;
    }

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var x in data) { a = (a + x) % 65521; b = (b + a) % 65521; }
        return b << 16 | a;
    }

    private static ScriptArray RegexFindAll(string pattern, string s, int n)
    {
        var all = Regex.Matches(s, pattern).Select(x => (object?)x.Value);
        return new ScriptArray(n < 0 ? all : all.Take(n));
    }

    // Go's regexp.QuoteMeta: every one of \.+*?()|[]{}^$ gets a backslash.
    private static string RegexQuoteMeta(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (@"\.+*?()|[]{}^$".Contains(c)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    // Go's path.Base: the last element, trailing slashes dropped; "." for "" and "/" for slashes only.
    private static string PathBase(string p)
    {
        if (p.Length == 0) return ".";
        p = p.TrimEnd('/');
        if (p.Length == 0) return "/";
        return p[(p.LastIndexOf('/') + 1)..];
    }

    // Go's path.Clean: one slash between elements, no "." elements, ".." resolved where it can be, "." for nothing.
    private static string PathClean(string p)
    {
        if (p.Length == 0) return ".";
        bool rooted = p[0] == '/';
        var parts = new List<string>();
        foreach (var e in p.Split('/'))
        {
            if (e is "" or ".") continue;
            if (e == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
                else if (!rooted) parts.Add("..");
                continue;
            }
            parts.Add(e);
        }
        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    private static ScriptArray Chunk(int size, object? list)
    {
        var items = Items(list).ToList();
        var result = new ScriptArray();
        for (int i = 0; size > 0 && i < items.Count; i += size) result.Add(new ScriptArray(items.Skip(i).Take(size)));
        return result;
    }

    // sprig's dig: follow the keys through nested maps; the default when one is missing.
    private static object? Dig(string[] keys, object? fallback, object? dict)
    {
        object? v = dict;
        foreach (var k in keys)
        {
            if (v is not ScriptObject d || !d.TryGetValue(k, out v)) return fallback;
        }
        return v;
    }

    private static object? MergeInto(object?[] a, bool overwrite)
    {
        if (a[0] is not ScriptObject dst) return a[0];
        foreach (var src in a[1..].OfType<ScriptObject>())
            foreach (var k in src.Keys)
                if (overwrite || !dst.ContainsKey(k)) dst[k] = src[k];
        return dst;
    }
}
