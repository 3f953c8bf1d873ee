namespace KubeInject.Yaml;

/// <summary>How a scalar is written.</summary>
internal enum ScalarStyle
{
    /// <summary>Unquoted.</summary>
    Plain,
    /// <summary><c>'text'</c>.</summary>
    SingleQuoted,
    /// <summary><c>"text"</c>.</summary>
    DoubleQuoted,
    /// <summary><c>|</c> block.</summary>
    Literal,
    /// <summary><c>&gt;</c> block.</summary>
    Folded,
}
