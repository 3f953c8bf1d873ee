using System.Globalization;
using System.Text;

namespace KubeInject.Go;

/// <summary>
/// Writes compact JSON field by field exactly as Go's <c>encoding/json</c> writes a struct, because Istio stores
/// such JSON in annotations and env values (status, overrides, probers, Prometheus) and re-injection and diffs
/// compare the text. Field order is the caller's (Go's struct order); strings go through <see cref="EncodingJson"/>.
/// </summary>
internal sealed class JsonWriter
{
    private readonly StringBuilder _sb = new();
    private readonly Stack<bool> _first = new();

    /// <summary>Starts an object.</summary>
    public JsonWriter BeginObject() { Separate(); _sb.Append('{'); _first.Push(true); return this; }

    /// <summary>Ends an object.</summary>
    public JsonWriter EndObject() { _first.Pop(); _sb.Append('}'); return this; }

    /// <summary>Starts an array.</summary>
    public JsonWriter BeginArray() { Separate(); _sb.Append('['); _first.Push(true); return this; }

    /// <summary>Ends an array.</summary>
    public JsonWriter EndArray() { _first.Pop(); _sb.Append(']'); return this; }

    /// <summary>Writes an object key; the next value call writes its value.</summary>
    public JsonWriter Key(string name)
    {
        Separate();
        _sb.Append(EncodingJson.Quote(name)).Append(':');
        _pendingValue = true;
        return this;
    }

    /// <summary>Writes a string value.</summary>
    public JsonWriter String(string value) { Separate(); _sb.Append(EncodingJson.Quote(value)); return this; }

    /// <summary>Writes an integer value.</summary>
    public JsonWriter Number(long value) { Separate(); _sb.Append(value.ToString(CultureInfo.InvariantCulture)); return this; }

    /// <summary>Writes a pre-formatted number or literal (<c>true</c>, <c>null</c>, <c>1.5</c>).</summary>
    public JsonWriter Raw(string literal) { Separate(); _sb.Append(literal); return this; }

    /// <summary>Writes <c>null</c>.</summary>
    public JsonWriter Null() => Raw("null");

    /// <summary>Writes a boolean.</summary>
    public JsonWriter Bool(bool value) => Raw(value ? "true" : "false");

    /// <summary>Writes a list of strings, or <c>null</c> for an empty one (Go's nil slice).</summary>
    public JsonWriter StringsOrNull(IReadOnlyList<string> values)
    {
        if (values.Count == 0) return Null();
        BeginArray();
        foreach (var v in values) String(v);
        return EndArray();
    }

    private bool _pendingValue;

    private void Separate()
    {
        if (_pendingValue) { _pendingValue = false; return; }
        if (_first.Count == 0) return;
        if (_first.Peek()) { _first.Pop(); _first.Push(false); }
        else _sb.Append(',');
    }

    /// <summary>The JSON text.</summary>
    public override string ToString() => _sb.ToString();
}
