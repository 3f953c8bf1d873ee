using System.Collections;
using System.Globalization;
using System.Text;
using KubeInject.Go;
using Scriban.Runtime;

namespace KubeInject.Rendering;

/// <summary>
/// The functions injection templates can call: Istio's template funcmap, the sprig functions the stock
/// templates use, and Go <c>text/template</c> builtins. Scriban imports the public static methods under
/// snake_case names (<c>ValueOrDefault</c> → <c>value_or_default</c>). Argument order follows Go, except
/// for functions meant to be piped (<c>x | default "d"</c>, <c>x | indent 6</c>, <c>x | trunc 63</c>,
/// <c>x | trim_suffix "-"</c>, <c>x | join ","</c>, <c>x | nindent 4</c>): a Scriban pipe passes the piped
/// value as the first argument, where Go passes it last, so those take the value first.
/// This part holds the Go builtins and helpers for Go semantics Scriban lacks.
/// </summary>
internal sealed partial class TemplateFunctions : ScriptObject
{
    /// <summary>The shared, read-only instance pushed into every render.</summary>
    internal static readonly TemplateFunctions Shared = CreateShared();

    private static TemplateFunctions CreateShared()
    {
        var f = new TemplateFunctions();
        f.IsReadOnly = true;
        return f;
    }

    /// <summary>Go truthiness as a value: false for false, 0, "", nil and empty lists/maps.</summary>
    public static bool Truthy(object? value) => GoValues.Truthy(value);

    /// <summary>Go <c>or</c>: the first truthy operand, else the last one (not a bool).</summary>
    public static object? Or(params object?[] values)
    {
        if (values.Length == 0) throw new InvalidOperationException("wrong number of args for or: want at least 1 got 0");
        foreach (var v in values) if (GoValues.Truthy(v)) return v;
        return values[^1];
    }

    /// <summary>Go <c>and</c>: the first falsy operand, else the last one (not a bool).</summary>
    public static object? And(params object?[] values)
    {
        if (values.Length == 0) throw new InvalidOperationException("wrong number of args for and: want at least 1 got 0");
        foreach (var v in values) if (!GoValues.Truthy(v)) return v;
        return values[^1];
    }

    /// <summary>Go <c>not</c>.</summary>
    public static bool Not(object? value) => !GoValues.Truthy(value);

    /// <summary>Go <c>len</c>: bytes of a string (UTF-8), items of a list or map; nil is an error, as in Go.</summary>
    public static int Len(object? value) => value switch
    {
        null => throw new InvalidOperationException("len of nil pointer"),
        string s => Encoding.UTF8.GetByteCount(s),
        ScriptObject o => o.Count,
        ICollection c => c.Count,
        _ => throw new InvalidOperationException($"len of type {value.GetType().Name}"),
    };

    /// <summary>Go <c>index m k...</c>: nested lookup; a missing map key gives null (Go: the element's zero value).</summary>
    public static object? Index(object? collection, params object?[] keys)
    {
        object? current = collection;
        foreach (var key in keys)
        {
            current = current switch
            {
                null => null,
                ScriptObject o => o.TryGetValue(Convert.ToString(key, CultureInfo.InvariantCulture) ?? "", out var v) ? v : null,
                IList l => GoValues.ToInt64(key) is var i && i >= 0 && i < l.Count ? l[(int)i] : throw new InvalidOperationException($"index out of range: {Fmt.Sprint(key)}"),
                _ => throw new InvalidOperationException($"can't index item of type {current.GetType().Name}"),
            };
        }
        return current;
    }

    /// <summary>
    /// The keys of a map in Go's <c>range</c> order (sorted), for <c>for k in (sorted_keys m)</c>; a list gives
    /// its indices; nil gives nothing. Ranging over anything else (e.g. the string <c>"{}"</c> that
    /// <c>from_json</c> returns for bad JSON) is an error, as in Go.
    /// </summary>
    public static ScriptArray SortedKeys(object? collection) => collection switch
    {
        null => [],
        ScriptObject o => new ScriptArray(Fmt.SortedKeys(o.Keys)),
        IList l => new ScriptArray(Enumerable.Range(0, l.Count).Cast<object>()),
        _ => throw new InvalidOperationException($"range can't iterate over {Fmt.Sprint(collection)}"),
    };

    /// <summary>sprig <c>list</c>: a new list of the arguments.</summary>
    public static ScriptArray List(params object?[] values) => new(values);

    /// <summary>sprig <c>append list v</c> (pipe: <c>list | append v</c>): a new list with <paramref name="value"/> added.</summary>
    public static ScriptArray Append(object? list, object? value)
    {
        var result = list switch
        {
            null => [],
            IEnumerable e and not string => new ScriptArray(e.Cast<object?>()),
            _ => throw new InvalidOperationException($"cannot append to {Fmt.Sprint(list)}"),
        };
        result.Add(value);
        return result;
    }

    /// <summary>Go <c>fmt.Sprint</c> of one value (<c>%v</c>).</summary>
    public static string Sprint(object? value) => Fmt.Sprint(value);

    /// <summary>Go <c>printf</c>: <c>fmt.Sprintf</c>.</summary>
    public static string Printf(string format, params object?[] args) => Fmt.Sprintf(format, args);
}
