using System.Globalization;
using System.Text;
using KubeInject.Yaml;

namespace KubeInject.Go.Protojson;

/// <summary>
/// Writes a normalised tree (see <see cref="ProtoJsonReader"/>) as legacy jsonpb does with default options:
/// compact, JSON names, fields in declaration order, proto3 zero values omitted (but oneof members and
/// set messages/wrappers always written), enums by name, map keys sorted, Go string escaping.
/// </summary>
internal static class ProtoJsonWriter
{
    /// <summary>The JSON text of a message.</summary>
    public static string Write(YMapping message, ProtoMessage schema)
    {
        var sb = new StringBuilder();
        WriteMessage(sb, message, schema);
        return sb.ToString();
    }

    private static void WriteMessage(StringBuilder sb, YMapping message, ProtoMessage schema)
    {
        sb.Append('{');
        bool first = true;
        var doneOneofs = new HashSet<string>();
        foreach (var field in schema.Fields)
        {
            ProtoField chosen = field;
            if (field.Oneof is not null)
            {
                if (!doneOneofs.Add(field.Oneof)) continue;
                // jsonpb writes a oneof at the position of its first member, whichever member is set.
                var set = schema.Fields.FirstOrDefault(f => f.Oneof == field.Oneof && message.ContainsKey(f.JsonName));
                if (set is null) continue;
                chosen = set;
            }
            var value = message[chosen.JsonName];
            if (value is null || value is YScalar { Kind: ScalarKind.Null }) continue;
            if (chosen.Oneof is null && IsZero(value, chosen)) continue;
            if (!first) sb.Append(',');
            first = false;
            sb.Append(EncodingJson.Quote(chosen.JsonName)).Append(':');
            WriteValue(sb, value, chosen);
        }
        if (schema.KeepUnknown)
        {
            foreach (var e in message.Entries)
            {
                if (schema.Find(e.Name) is not null) continue;
                if (!first) sb.Append(',');
                first = false;
                sb.Append(EncodingJson.Quote(e.Name)).Append(':');
                WriteGeneric(sb, e.Value);
            }
        }
        sb.Append('}');
    }

    private static bool IsZero(YNode value, ProtoField field) => field.Kind switch
    {
        ProtoFieldKind.String => value is YScalar { Value: "" },
        ProtoFieldKind.Int32 or ProtoFieldKind.Int64 => value is YScalar s && s.ToValue() is long l && l == 0,
        ProtoFieldKind.Double => value is YScalar d && Convert.ToDouble(d.ToValue(), CultureInfo.InvariantCulture) == 0,
        ProtoFieldKind.Bool => value is YScalar { Value: "false" },
        ProtoFieldKind.Enum => value is YScalar e && (e.Value == field.EnumZero || e.Value == "0"),
        ProtoFieldKind.Duration => false,
        ProtoFieldKind.StringMap => value is YMapping { Count: 0 },
        ProtoFieldKind.RepeatedString or ProtoFieldKind.RepeatedEnum => value is YSequence { Count: 0 },
        _ => false,
    };

    private static void WriteValue(StringBuilder sb, YNode value, ProtoField field)
    {
        switch (field.Kind)
        {
            case ProtoFieldKind.String:
            case ProtoFieldKind.Duration:
                sb.Append(EncodingJson.Quote(((YScalar)value).Value));
                break;
            case ProtoFieldKind.Enum:
            {
                var s = (YScalar)value;
                sb.Append(field.IsEnumName(s.Value) ? EncodingJson.Quote(s.Value) : s.Value);
                break;
            }
            case ProtoFieldKind.Int64:
            case ProtoFieldKind.Int64Wrapper:
                sb.Append('"').Append(((YScalar)value).AsGoString()).Append('"');
                break;
            case ProtoFieldKind.Int32:
            case ProtoFieldKind.Int32Wrapper:
            case ProtoFieldKind.Bool:
            case ProtoFieldKind.BoolWrapper:
                sb.Append(((YScalar)value).AsGoString());
                break;
            case ProtoFieldKind.Double:
            case ProtoFieldKind.DoubleWrapper:
                sb.Append(Double(Convert.ToDouble(((YScalar)value).ToValue(), CultureInfo.InvariantCulture)));
                break;
            case ProtoFieldKind.Message:
                WriteMessage(sb, (YMapping)value, field.Message!);
                break;
            case ProtoFieldKind.StringMap:
            {
                sb.Append('{');
                bool first = true;
                foreach (var e in ((YMapping)value).Entries.OrderBy(e => e.Name, StringComparer.Ordinal))
                {
                    if (!first) sb.Append(',');
                    first = false;
                    sb.Append(EncodingJson.Quote(e.Name)).Append(':').Append(EncodingJson.Quote(((YScalar)e.Value).Value));
                }
                sb.Append('}');
                break;
            }
            case ProtoFieldKind.RepeatedString:
            case ProtoFieldKind.RepeatedEnum:
                sb.Append('[').AppendJoin(',', ((YSequence)value).Items.Select(i => EncodingJson.Quote(((YScalar)i).Value))).Append(']');
                break;
            default:
                WriteGeneric(sb, value);
                break;
        }
    }

    /// <summary>Generic JSON of an unmodelled value (map keys sorted, as Go does for maps).</summary>
    public static void WriteGeneric(StringBuilder sb, YNode value)
    {
        switch (value)
        {
            case YMapping m:
                sb.Append('{');
                bool first = true;
                foreach (var e in m.Entries.OrderBy(e => e.Name, StringComparer.Ordinal))
                {
                    if (!first) sb.Append(',');
                    first = false;
                    sb.Append(EncodingJson.Quote(e.Name)).Append(':');
                    WriteGeneric(sb, e.Value);
                }
                sb.Append('}');
                break;
            case YSequence q:
                sb.Append('[');
                for (int i = 0; i < q.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    WriteGeneric(sb, q[i]);
                }
                sb.Append(']');
                break;
            case YScalar s:
                sb.Append(s.Kind switch
                {
                    ScalarKind.Null => "null",
                    ScalarKind.Bool => s.AsGoString(),
                    ScalarKind.Int => s.AsGoString(),
                    ScalarKind.Float => Double(Convert.ToDouble(s.ToValue(), CultureInfo.InvariantCulture)),
                    _ => EncodingJson.Quote(s.Value),
                });
                break;
        }
    }

    /// <summary>A double as jsonpb writes it: Go's JSON number, or the strings <c>"NaN"</c>, <c>"Infinity"</c> and
    /// <c>"-Infinity"</c>, which JSON numbers cannot express.</summary>
    internal static string Double(double d) =>
        double.IsNaN(d) ? "\"NaN\"" : double.IsPositiveInfinity(d) ? "\"Infinity\"" : double.IsNegativeInfinity(d) ? "\"-Infinity\"" : EncodingJson.Float(d);
}
