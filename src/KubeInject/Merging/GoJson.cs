using System.Globalization;
using System.Text;

namespace KubeInject.Merging;

/// <summary>
/// Writes compact JSON exactly as Go's <c>encoding/json</c> does, because Istio stores such JSON in annotations
/// and env values (status, overrides, probers, Prometheus) and re-injection and diffs compare the text.
/// </summary>
internal sealed class GoJson
{
    private readonly StringBuilder _sb = new();
    private readonly Stack<bool> _first = new();

    /// <summary>Go's escaping of a string, quotes included: HTML-safe (<c>&lt; &gt; &amp;</c> as <c>\u003c</c>...),
    /// U+2028/2029 escaped, other non-ASCII kept raw.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); }
                    // Go replaces invalid UTF-8 (here: a lone surrogate) by U+FFFD.
                    else if (char.IsSurrogate(c)) sb.Append('\ufffd');
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>Starts an object.</summary>
    public GoJson BeginObject() { Separate(); _sb.Append('{'); _first.Push(true); return this; }

    /// <summary>Ends an object.</summary>
    public GoJson EndObject() { _first.Pop(); _sb.Append('}'); return this; }

    /// <summary>Starts an array.</summary>
    public GoJson BeginArray() { Separate(); _sb.Append('['); _first.Push(true); return this; }

    /// <summary>Ends an array.</summary>
    public GoJson EndArray() { _first.Pop(); _sb.Append(']'); return this; }

    /// <summary>Writes an object key; the next value call writes its value.</summary>
    public GoJson Key(string name)
    {
        Separate();
        _sb.Append(Quote(name)).Append(':');
        _pendingValue = true;
        return this;
    }

    /// <summary>Writes a string value.</summary>
    public GoJson String(string value) { Separate(); _sb.Append(Quote(value)); return this; }

    /// <summary>Writes an integer value.</summary>
    public GoJson Number(long value) { Separate(); _sb.Append(value.ToString(CultureInfo.InvariantCulture)); return this; }

    /// <summary>Writes a pre-formatted number or literal (<c>true</c>, <c>null</c>, <c>1.5</c>).</summary>
    public GoJson Raw(string literal) { Separate(); _sb.Append(literal); return this; }

    /// <summary>Writes <c>null</c>.</summary>
    public GoJson Null() => Raw("null");

    /// <summary>Writes a boolean.</summary>
    public GoJson Bool(bool value) => Raw(value ? "true" : "false");

    /// <summary>Writes a list of strings, or <c>null</c> for an empty one (Go's nil slice).</summary>
    public GoJson StringsOrNull(IReadOnlyList<string> values)
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
