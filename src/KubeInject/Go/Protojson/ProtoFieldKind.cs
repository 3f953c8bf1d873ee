namespace KubeInject.Go.Protojson;

/// <summary>How a protobuf field is read from and written to proto-JSON.</summary>
internal enum ProtoFieldKind
{
    /// <summary><c>string</c>.</summary>
    String,
    /// <summary><c>int32</c>/<c>uint32</c>: a JSON number (a quoted number is accepted on input).</summary>
    Int32,
    /// <summary><c>int64</c>/<c>uint64</c>: written as a quoted string, as jsonpb does.</summary>
    Int64,
    /// <summary><c>double</c>/<c>float</c>.</summary>
    Double,
    /// <summary><c>bool</c>.</summary>
    Bool,
    /// <summary>An enum, stored and written by name.</summary>
    Enum,
    /// <summary><c>google.protobuf.Duration</c>, stored in canonical <c>"1.500s"</c> form.</summary>
    Duration,
    /// <summary><c>google.protobuf.Int32Value</c>/<c>UInt32Value</c>: bare number, presence kept even when zero.</summary>
    Int32Wrapper,
    /// <summary><c>google.protobuf.Int64Value</c>/<c>UInt64Value</c>: bare quoted number.</summary>
    Int64Wrapper,
    /// <summary><c>google.protobuf.BoolValue</c>: bare bool, presence kept even when false.</summary>
    BoolWrapper,
    /// <summary><c>google.protobuf.DoubleValue</c>.</summary>
    DoubleWrapper,
    /// <summary>A nested message with a known schema.</summary>
    Message,
    /// <summary><c>map&lt;string,string&gt;</c>.</summary>
    StringMap,
    /// <summary><c>repeated string</c>.</summary>
    RepeatedString,
    /// <summary><c>repeated</c> enum.</summary>
    RepeatedEnum,
    /// <summary>
    /// A message (or list/map of messages) whose schema KubeInject does not model; kept as given and written
    /// generically. Injection only ever copies these, so exact typing is not needed.
    /// </summary>
    Opaque,
}
