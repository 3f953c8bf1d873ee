namespace KubeInject.Go.Protojson;

/// <summary>One field of a <see cref="ProtoMessage"/> schema.</summary>
/// <param name="ProtoName">The <c>.proto</c> name (snake_case), also accepted on input as jsonpb does.</param>
/// <param name="Kind">How the value is read and written.</param>
/// <param name="Message">The nested schema for <see cref="ProtoFieldKind.Message"/>.</param>
/// <param name="EnumValues">Enum names in number order pairs, for enum kinds.</param>
/// <param name="Oneof">The oneof group this field belongs to, or null.</param>
internal sealed record ProtoField(
    string ProtoName,
    ProtoFieldKind Kind,
    ProtoMessage? Message = null,
    IReadOnlyList<(string Name, int Number)>? EnumValues = null,
    string? Oneof = null)
{
    /// <summary>The proto-JSON (lowerCamelCase) name, derived the way protoc derives <c>json_name</c>.</summary>
    public string JsonName { get; } = ToJsonName(ProtoName);

    /// <summary>The Go struct field name protoc-gen-go generates (<c>proxy_metadata</c> → <c>ProxyMetadata</c>), as templates use it.</summary>
    public string GoName { get; } = ToGoName(ProtoName);

    /// <summary>protoc-gen-go's <c>GoCamelCase</c>: upper-case the first letter, letters after <c>_</c> and lower-case letters after digits.</summary>
    public static string ToGoName(string protoName)
    {
        var sb = new System.Text.StringBuilder(protoName.Length);
        for (int i = 0; i < protoName.Length; i++)
        {
            char c = protoName[i];
            if (c == '_' && i + 1 < protoName.Length && char.IsAsciiLetterLower(protoName[i + 1])) continue;
            bool upper = i == 0 || (i > 0 && protoName[i - 1] == '_') || (i > 0 && char.IsAsciiDigit(protoName[i - 1]));
            sb.Append(upper && char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c);
        }
        return sb.ToString();
    }

    /// <summary>protoc's rule: drop each underscore and upper-case the character after it.</summary>
    public static string ToJsonName(string protoName)
    {
        var sb = new System.Text.StringBuilder(protoName.Length);
        bool upper = false;
        foreach (char c in protoName)
        {
            if (c == '_') { upper = true; continue; }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return sb.ToString();
    }

    /// <summary>The enum name for a number, or null when the number is not declared.</summary>
    public string? EnumName(long number)
    {
        foreach (var (n, v) in EnumValues ?? []) if (v == number) return n;
        return null;
    }

    /// <summary>True when <paramref name="name"/> is a declared enum name.</summary>
    public bool IsEnumName(string name) => EnumValues?.Any(e => e.Name == name) == true;

    /// <summary>The enum's zero value name (proto3 default), or null.</summary>
    public string? EnumZero => EnumName(0);
}
