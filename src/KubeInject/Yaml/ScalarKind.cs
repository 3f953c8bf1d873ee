namespace KubeInject.Yaml;

/// <summary>The type a scalar resolves to under YAML 1.1 (the rules Kubernetes' Go decoder and PyYAML apply).</summary>
internal enum ScalarKind
{
    /// <summary><c>null</c>, <c>~</c> or an empty plain scalar.</summary>
    Null,
    /// <summary><c>true/false/yes/no/on/off/y/n</c> in their YAML 1.1 spellings.</summary>
    Bool,
    /// <summary>Decimal, octal, hex, binary or base-60 integers.</summary>
    Int,
    /// <summary>Floats, including <c>.inf</c> and <c>.nan</c>.</summary>
    Float,
    /// <summary>Everything else, and every quoted or block scalar.</summary>
    String,
}
