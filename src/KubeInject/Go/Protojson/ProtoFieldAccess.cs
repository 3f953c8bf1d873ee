using KubeInject.Yaml;

namespace KubeInject.Go.Protojson;

/// <summary>
/// Reads fields of the ProxyConfig / MeshConfig trees the way a Go template sees the proto structs: by Go field
/// name (<c>InterceptionMode</c>) or JSON name, with proto3 zero values for unset scalar fields (<c>""</c>,
/// <c>0</c>, <c>false</c>, the enum's zero name) and null for unset messages, wrappers and maps (Go nil).
/// </summary>
internal static class ProtoFieldAccess
{
    /// <summary>A field of a ProxyConfig tree; null for an unknown name or an unset message/wrapper/map/list.</summary>
    public static YNode? ProxyConfigField(YMapping proxyConfig, string name) => Get(proxyConfig, name, ProtoSchemas.ProxyConfig);

    /// <summary>A field of a MeshConfig tree (unmodelled fields are looked up by JSON name as given).</summary>
    public static YNode? MeshConfigField(YMapping meshConfig, string name) => Get(meshConfig, name, ProtoSchemas.MeshConfig);

    /// <summary>The JSON name of a ProxyConfig field given by Go, JSON or proto name; null when unknown.</summary>
    public static string? ProxyConfigJsonName(string name) => ProtoSchemas.ProxyConfig.Find(name)?.JsonName;

    private static YNode? Get(YMapping message, string name, ProtoMessage schema)
    {
        var field = schema.Find(name);
        if (field is null) return message[name] ?? message[ProtoField.ToJsonName(name)] ?? message[char.ToLowerInvariant(name[0]) + name[1..]];
        if (message[field.JsonName] is { } v && v is not YScalar { Kind: ScalarKind.Null }) return v;
        // A oneof member that is not the chosen one is nil in Go, not a zero value.
        if (field.Oneof is not null) return null;
        return field.Kind switch
        {
            ProtoFieldKind.String => YScalar.String(""),
            ProtoFieldKind.Int32 or ProtoFieldKind.Int64 => YScalar.Int(0),
            ProtoFieldKind.Double => new YScalar("0"),
            ProtoFieldKind.Bool => YScalar.Bool(false),
            ProtoFieldKind.Enum => YScalar.String(field.EnumZero ?? "0"),
            _ => null,
        };
    }
}
