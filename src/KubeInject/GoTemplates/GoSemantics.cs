using System.Collections;
using System.Text;
using KubeInject.Go;
using KubeInject.Rendering;
using Scriban.Runtime;

namespace KubeInject.GoTemplates;

/// <summary>
/// Go <c>text/template</c> value semantics over the front end's data (null = nil or "no value", bool, long = int,
/// double = float64, string, <see cref="ScriptArray"/> = slice, <see cref="ScriptObject"/> = map,
/// <see cref="GoStruct"/>, <see cref="GoStringMap"/>, <see cref="GoZero"/>): truth, printing, field access, the
/// comparison and collection builtins. Messages follow Go's.
/// </summary>
internal static class GoSemantics
{
    /// <summary>Go's <c>truth</c>: false for nil, false, 0, "", empty slices and maps and zero fields.</summary>
    public static bool Truth(object? v) => v switch
    {
        GoZero => false,
        GoStruct => true,
        _ => TextTemplate.IsTrue(v),
    };

    /// <summary><c>fmt.Sprint</c> of one value (<c>%v</c>).</summary>
    public static string Sprint(object? v) => v switch
    {
        GoZero => "",
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Fmt.Sprint(v),
    };

    /// <summary>The value functions receive: a zero field as <c>""</c>.</summary>
    public static object? Argument(object? v) => v is GoZero ? "" : v;

    /// <summary>
    /// <c>.Field</c> on <paramref name="receiver"/>: a map key (missing → nil, i.e. no value), a struct field
    /// (absent → <see cref="GoZero"/>), or one of the methods Istio's templates call on proto messages:
    /// <c>GetX</c> (nil-safe getter of field X), <c>GetValue</c> of a wrapper (the JSON scalar itself) and
    /// <c>String</c> of an enum (its name).
    /// </summary>
    public static object? Field(object? receiver, string name)
    {
        switch (receiver)
        {
            case null:
                // A missing value's fields are missing too (Go: an invalid receiver yields an invalid value).
                return null;
            case GoZero:
                return GoZero.Value;
            case GoStruct s:
                if (GoFieldNames.TryGet(s, name, out var field)) return field ?? GoZero.Value;
                if (name.StartsWith("Get", StringComparison.Ordinal) && name.Length > 3)
                    return GoFieldNames.TryGet(s, name[3..], out var got) ? got ?? GoZero.Value : GoZero.Value;
                return GoZero.Value;
            case ScriptObject map:
                return map.TryGetValue(name, out var value) ? value : null;
            case SemverVersion version:
                return SemverMethods.Call(version, name, []);
            case TimeValue time:
                return TimeMethods.Call(time, name, []);
            case string str when name == "String":
                return str;
            case bool or long or int or double or string when name == "GetValue":
                return receiver;
            default:
                throw new GoExecException($"can't evaluate field {name} in type {TypeName(receiver)}");
        }
    }

    /// <summary>
    /// <c>.Method arg…</c> on <paramref name="receiver"/>: only semver versions and times have methods that take arguments;
    /// on anything else it is Go's error for a field given arguments.
    /// </summary>
    public static object? Method(object? receiver, string name, object?[] args) => receiver switch
    {
        SemverVersion version => SemverMethods.Call(version, name, Array.ConvertAll(args, Argument)),
        TimeValue time => TimeMethods.Call(time, name, Array.ConvertAll(args, Argument)),
        _ => throw new GoExecException($"{name} is not a method but has arguments"),
    };

    /// <summary>A Go type name for messages and <c>%T</c>.</summary>
    public static string TypeName(object? v) => v switch
    {
        GoZero => "string",
        SemverVersion => SemverMethods.TypeName,
        TimeValue => "time.Time",
        GoStringMap => "map[string]string",
        GoStruct => "struct",
        _ => Fmt.TypeName(v),
    };

    private enum Kind { Invalid, Bool, Int, Float, String, Other }

    private static Kind BasicKind(object? v) => v switch
    {
        null => Kind.Invalid,
        bool => Kind.Bool,
        long or int => Kind.Int,
        double or float => Kind.Float,
        string => Kind.String,
        _ => Kind.Other,
    };

    /// <summary>Go's <c>eq arg1 arg2...</c>: true when arg1 equals any other; comparing nil or a missing value with anything is false, not an error.</summary>
    public static bool Eq(object?[] args)
    {
        if (args.Length < 2) throw new GoExecException("error calling eq: missing argument for comparison");
        var a = args[0];
        for (int i = 1; i < args.Length; i++)
            if (EqualPair(a, args[i])) return true;
        return false;
    }

    private static bool EqualPair(object? a, object? b)
    {
        // A zero field is the zero of whatever it is compared with.
        if (a is GoZero) return b is GoZero || !Truth(b) && b is not ScriptObject and not IList;
        if (b is GoZero) return !Truth(a) && a is not ScriptObject and not IList;
        var ka = BasicKind(a);
        var kb = BasicKind(b);
        if (ka != kb)
        {
            if (ka != Kind.Invalid && kb != Kind.Invalid) throw new GoExecException("error calling eq: incompatible types for comparison");
            return false;
        }
        switch (ka)
        {
            case Kind.Invalid: return true;
            case Kind.Bool: return (bool)a! == (bool)b!;
            case Kind.Int: return Convert.ToInt64(a) == Convert.ToInt64(b);
            case Kind.Float: return Convert.ToDouble(a) == Convert.ToDouble(b);
            case Kind.String: return (string)a! == (string)b!;
            default:
                throw new GoExecException($"error calling eq: non-comparable type {Sprint(b)}: {TypeName(b)}");
        }
    }

    /// <summary>Go's <c>lt a b</c> on basic values of one kind (strings by bytes).</summary>
    public static bool Lt(object? a, object? b, string name)
    {
        if (a is GoZero) a = ZeroLike(b);
        if (b is GoZero) b = ZeroLike(a);
        var ka = BasicKind(a);
        var kb = BasicKind(b);
        if (ka is Kind.Invalid or Kind.Other || kb is Kind.Invalid or Kind.Other)
            throw new GoExecException($"error calling {name}: invalid type for comparison");
        if (ka != kb) throw new GoExecException($"error calling {name}: incompatible types for comparison");
        return ka switch
        {
            Kind.Int => Convert.ToInt64(a) < Convert.ToInt64(b),
            Kind.Float => Convert.ToDouble(a) < Convert.ToDouble(b),
            Kind.String => Fmt.Utf8Order((string)a!, (string)b!) < 0,
            _ => throw new GoExecException($"error calling {name}: invalid type for comparison"),
        };
    }

    private static object ZeroLike(object? other) => other switch
    {
        long or int => 0L,
        double => 0.0,
        bool => false,
        _ => "",
    };

    /// <summary>Go's <c>len</c>: bytes of a string, items of a slice or map.</summary>
    public static long Len(object? v) => v switch
    {
        null => throw new GoExecException("error calling len: len of nil pointer"),
        GoZero => 0,
        string s => Encoding.UTF8.GetByteCount(s),
        ScriptObject o => o.Count,
        ICollection c => c.Count,
        _ => throw new GoExecException($"error calling len: len of type {TypeName(v)}"),
    };

    /// <summary>Go's <c>index item keys...</c>: slice/string positions and map keys (a missing key is the element's zero value).</summary>
    public static object? Index(object? item, object?[] keys)
    {
        if (item is null) throw new GoExecException("error calling index: index of untyped nil");
        foreach (var key in keys)
        {
            switch (item)
            {
                case null:
                    throw new GoExecException("error calling index: index of nil pointer");
                case GoZero:
                    return GoZero.Value;
                case string s:
                {
                    var bytes = Encoding.UTF8.GetBytes(s);
                    item = (long)bytes[IndexArg(key, bytes.Length - 1)];
                    break;
                }
                case IList list:
                    item = list[IndexArg(key, list.Count - 1)];
                    break;
                case GoStringMap sm:
                    item = sm.TryGetValue(MapKey(key), out var sv) ? sv : "";
                    break;
                case GoStruct st:
                    item = st.TryGetValue(MapKey(key), out var stv) ? stv : GoZero.Value;
                    break;
                case ScriptObject map:
                    item = map.TryGetValue(MapKey(key), out var mv) ? mv : null;
                    break;
                default:
                    throw new GoExecException($"error calling index: can't index item of type {TypeName(item)}");
            }
        }
        return item;
    }

    private static string MapKey(object? key) => key switch
    {
        string s => s,
        GoZero => "",
        null => throw new GoExecException("error calling index: value is nil; should be of type string"),
        _ => throw new GoExecException($"error calling index: value has type {TypeName(key)}; should be string"),
    };

    private static int IndexArg(object? key, int max)
    {
        long x = key switch
        {
            long l => l,
            int i => i,
            null => throw new GoExecException("error calling index: cannot index slice/array with nil"),
            _ => throw new GoExecException($"error calling index: cannot index slice/array with type {TypeName(key)}"),
        };
        if (x < 0 || x > max) throw new GoExecException($"error calling index: index out of range: {x}");
        return (int)x;
    }

    /// <summary>Go's <c>slice item [i [j [k]]]</c> on slices and strings.</summary>
    public static object? Slice(object? item, object?[] indexes)
    {
        if (item is null) throw new GoExecException("error calling slice: slice of untyped nil");
        if (indexes.Length > 3) throw new GoExecException($"error calling slice: too many slice indexes: {indexes.Length}");
        int length = item switch
        {
            string s => Encoding.UTF8.GetByteCount(s),
            IList l => l.Count,
            _ => throw new GoExecException($"error calling slice: can't slice item of type {TypeName(item)}"),
        };
        if (item is string && indexes.Length == 3) throw new GoExecException("error calling slice: cannot 3-index slice a string");
        int[] idx = [0, length];
        for (int i = 0; i < Math.Min(indexes.Length, 2); i++) idx[i] = IndexArg(indexes[i], length);
        if (idx[0] > idx[1]) throw new GoExecException($"error calling slice: invalid slice index: {idx[0]} > {idx[1]}");
        if (item is string str)
        {
            var bytes = Encoding.UTF8.GetBytes(str);
            return Encoding.UTF8.GetString(bytes, idx[0], idx[1] - idx[0]);
        }
        var list = (IList)item;
        var result = new ScriptArray(idx[1] - idx[0]);
        for (int i = idx[0]; i < idx[1]; i++) result.Add(list[i]);
        return result;
    }

    /// <summary>What <c>range</c> iterates: indices of a slice, sorted keys of a map, nothing for nil; anything else is an error.</summary>
    public static ScriptArray RangeKeys(object? v)
    {
        switch (v)
        {
            case null or GoZero:
                return [];
            case ScriptObject o:
                return new ScriptArray(Fmt.SortedKeys(o.Keys));
            case IList l:
            {
                var keys = new ScriptArray(l.Count);
                for (long i = 0; i < l.Count; i++) keys.Add(i);
                return keys;
            }
            case int or long when System.Convert.ToInt64(v) >= 0:
            {
                long n = System.Convert.ToInt64(v);
                // Go 1.22: range over an integer.
                var keys = new ScriptArray();
                for (long i = 0; i < n; i++) keys.Add(i);
                return keys;
            }
            default:
                throw new GoExecException($"range can't iterate over {Sprint(v)}");
        }
    }

    /// <summary>The element of a ranged collection at a key from <see cref="RangeKeys"/>.</summary>
    public static object? RangeElement(object? collection, object? key) => collection switch
    {
        ScriptObject o => o[(string)key!],
        IList l => l[(int)(long)key!],
        _ => key,
    };
}
