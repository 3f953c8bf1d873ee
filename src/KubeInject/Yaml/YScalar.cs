using System.Globalization;
using KubeInject.Go;

namespace KubeInject.Yaml;

/// <summary>An immutable scalar: its text, how it was written, and the type that implies.</summary>
internal sealed class YScalar : YNode
{
    /// <summary>Creates a scalar from its (unescaped) text.</summary>
    public YScalar(string value, ScalarStyle style = ScalarStyle.Plain, string? tag = null)
    {
        Value = value;
        Style = style;
        Tag = tag;
    }

    /// <summary>The scalar's text after unescaping.</summary>
    public string Value { get; }

    /// <summary>How the scalar was (or will be) written.</summary>
    public ScalarStyle Style { get; }

    /// <summary>
    /// A created scalar that replaces one the user wrote quoted: written in that quoting style (where it can
    /// hold the value) instead of the plainest safe one, so the line changes only in its value.
    /// </summary>
    internal bool KeepsQuoting { get; init; }

    /// <summary>An explicit tag such as <c>!!str</c>, or null.</summary>
    public string? Tag { get; }

    /// <summary>What the scalar means: null, bool, int, float or string.</summary>
    // Resolved on first use: most scalars (keys above all) are never asked, and resolution runs regexes.
    // Stored as one int (-1 = not yet resolved) so that threads editing documents in parallel, which share the
    // injector's values and mesh config, can resolve the same scalar at once: an int is read and written whole.
    public ScalarKind Kind
    {
        get
        {
            int kind = _kind;
            if (kind < 0) _kind = kind = (int)Resolve(Value, Style, Tag);
            return (ScalarKind)kind;
        }
    }

    private int _kind = -1;

    internal override bool IsPristine => Source is not null;

    /// <summary>A string scalar; the writer picks a style that keeps it a string.</summary>
    public static YScalar String(string value) => new(value, value.Contains('\n') ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted) { };

    /// <summary>An integer scalar.</summary>
    public static YScalar Int(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A boolean scalar.</summary>
    public static YScalar Bool(bool value) => new(value ? "true" : "false");

    /// <summary>A null scalar.</summary>
    public static YScalar Null() => new("null");

    /// <summary>The CLR value: null, bool, long, double or string.</summary>
    public object? ToValue() => Kind switch
    {
        ScalarKind.Null => null,
        ScalarKind.Bool => ScalarResolver.ParseBool(Value),
        ScalarKind.Int => (object?)ScalarResolver.ParseInt(Value) ?? ScalarResolver.ParseFloat(Value.Replace(":", "")),
        ScalarKind.Float => ScalarResolver.ParseFloat(Value),
        _ => Value,
    };

    /// <summary>
    /// The value as Kubernetes' Go decoder stores it in a string field (labels, annotations, env values):
    /// YAML 1.1 booleans become "true"/"false", numbers their decimal form, null the empty string.
    /// </summary>
    public string AsGoString() => Kind switch
    {
        ScalarKind.Null => "",
        ScalarKind.Bool => ScalarResolver.ParseBool(Value) ? "true" : "false",
        ScalarKind.Int => ScalarResolver.ParseInt(Value)?.ToString(CultureInfo.InvariantCulture) ?? Value,
        ScalarKind.Float => Strconv.FormatFloat(ScalarResolver.ParseFloat(Value), bitSize: 32),
        _ => Value,
    };

    /// <inheritdoc />
    public override YNode DeepClone() => new YScalar(Value, Style, Tag) { Source = Source, KeepsQuoting = KeepsQuoting };

    /// <inheritdoc />
    public override bool SemanticEquals(YNode? other)
    {
        if (other is not YScalar s || s.Kind != Kind) return false;
        return Kind switch
        {
            ScalarKind.Null => true,
            ScalarKind.String => s.Value == Value,
            _ => Equals(ToValue(), s.ToValue()),
        };
    }

    private static ScalarKind Resolve(string value, ScalarStyle style, string? tag)
    {
        switch (tag)
        {
            case "tag:yaml.org,2002:str" or "!!str" or "!": return ScalarKind.String;
            case "tag:yaml.org,2002:int" or "!!int": return ScalarKind.Int;
            case "tag:yaml.org,2002:float" or "!!float": return ScalarKind.Float;
            case "tag:yaml.org,2002:bool" or "!!bool": return ScalarKind.Bool;
            case "tag:yaml.org,2002:null" or "!!null": return ScalarKind.Null;
        }
        return style == ScalarStyle.Plain ? ScalarResolver.ResolvePlain(value) : ScalarKind.String;
    }
}
