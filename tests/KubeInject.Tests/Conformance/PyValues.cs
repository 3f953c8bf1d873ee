using System.Numerics;

namespace KubeInject.Tests.Conformance;

// compare.py works on the Python objects PyYAML and json.loads build. These C# shapes stand in for them:
//   None -> null, bool -> bool, int -> BigInteger (Python ints are unbounded), float -> double,
//   str -> string, dict -> PyDict (insertion-ordered), list -> List<object?>,
//   date/datetime -> PyTimestamp, plus compare.py's own wrappers JsonText and Quantity.

/// <summary>A Python dict: keeps insertion order; assigning an existing key keeps its position.</summary>
internal sealed class PyDict() : OrderedDictionary<object, object?>(PyKeyComparer.Instance);

/// <summary>compare.py's JsonText: a string compared as parsed JSON when both sides parse.</summary>
internal sealed record JsonText(string S);

/// <summary>compare.py's Quantity: <see cref="Text"/> is Python's str() of the value, compared by exact value.</summary>
internal sealed record Quantity(string Text, BigInteger Numerator, BigInteger Denominator)
{
    public bool SameValue(Quantity other) => Numerator * other.Denominator == other.Numerator * Denominator;
}

/// <summary>
/// A YAML 1.1 timestamp that PyYAML turns into datetime.date or datetime.datetime: Python's repr() and str()
/// of it, its type name, and the value Python's == compares.
/// </summary>
internal sealed record PyTimestamp(string Repr, string Str, string TypeName, object Value);

/// <summary>
/// Python dict keys: 1, 1.0 and True are the same key in Python, so numbers compare by value;
/// everything else (strings, None, timestamps) by ordinary equality.
/// </summary>
internal sealed class PyKeyComparer : IEqualityComparer<object>
{
    public static readonly PyKeyComparer Instance = new();

    public new bool Equals(object? x, object? y)
    {
        if (Numeric(x) is { } a && Numeric(y) is { } b) return a == b;
        return object.Equals(x, y);
    }

    public int GetHashCode(object obj) => Numeric(obj) is { } d ? d.GetHashCode() : obj.GetHashCode();

    private static double? Numeric(object? v) => v switch
    {
        bool b => b ? 1 : 0,
        BigInteger i => (double)i,
        double d => d,
        _ => null,
    };
}

/// <summary>A null dict key (PyYAML allows <c>~: x</c>); OrderedDictionary refuses null keys.</summary>
internal sealed record PyNoneKey
{
    public static readonly PyNoneKey Instance = new();
}
