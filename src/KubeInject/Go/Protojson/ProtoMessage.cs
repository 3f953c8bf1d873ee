namespace KubeInject.Go.Protojson;

/// <summary>
/// The schema of a protobuf message as far as proto-JSON needs it: fields in <c>.proto</c> declaration order
/// (the order jsonpb writes them) with their kinds.
/// </summary>
internal sealed class ProtoMessage
{
    private readonly Dictionary<string, ProtoField> _byName = new(StringComparer.Ordinal);

    /// <summary>Creates a schema.</summary>
    /// <param name="name">Full proto name, for messages.</param>
    /// <param name="keepUnknown">
    /// Keep fields the schema does not list (instead of dropping them like jsonpb's lenient retry). Used for
    /// MeshConfig, whose many fields KubeInject does not model but must pass through to templates.
    /// </param>
    /// <param name="fields">Fields in declaration order.</param>
    public ProtoMessage(string name, bool keepUnknown, params ProtoField[] fields)
    {
        Name = name;
        KeepUnknown = keepUnknown;
        Fields = fields;
        foreach (var f in fields)
        {
            _byName[f.JsonName] = f;
            _byName[f.ProtoName] = f;
            _byName[f.GoName] = f;
        }
    }

    /// <summary>Full proto name.</summary>
    public string Name { get; }

    /// <summary>See the constructor.</summary>
    public bool KeepUnknown { get; }

    /// <summary>Fields in declaration order.</summary>
    public IReadOnlyList<ProtoField> Fields { get; }

    /// <summary>The field named <paramref name="key"/> (JSON, proto or Go name), or null.</summary>
    public ProtoField? Find(string key) => _byName.GetValueOrDefault(key);
}
