using System.Globalization;
using KubeInject.Yaml;

namespace KubeInject.Go.Protojson;

/// <summary>
/// Reads a YAML/JSON tree into a normalised proto-JSON tree for a <see cref="ProtoMessage"/>, the way Istio's
/// <c>protomarshal.ApplyYAML</c> (YAML → JSON → legacy jsonpb, strict then lenient) does: JSON or proto names
/// accepted and stored under the JSON name, <c>null</c> values ignored, unknown fields dropped, enums stored by
/// name, durations in jsonpb's canonical text, numbers and bools as typed scalars.
/// </summary>
internal static class ProtoJsonReader
{
    /// <summary>Reads a whole message; throws <see cref="ProtoJsonException"/> on a value jsonpb would refuse.</summary>
    public static YMapping ReadMessage(YNode? node, ProtoMessage schema)
    {
        var result = new YMapping();
        if (node is null || node is YScalar { Kind: ScalarKind.Null }) return result;
        if (node is not YMapping map)
            throw new ProtoJsonException($"json: cannot unmarshal {JsonType(node)} into Go value of type map[string]json.RawMessage");
        foreach (var e in map.Entries)
        {
            var field = schema.Find(e.Name);
            if (field is null)
            {
                // jsonpb's strict pass fails on unknown fields and the lenient retry drops them.
                if (schema.KeepUnknown) result.Set(ProtoField.ToJsonName(e.Name), e.Value.DeepClone());
                continue;
            }
            if (IsNull(e.Value)) continue;
            var value = ReadValue(e.Value, field);
            SetField(result, field, schema, value);
        }
        return result;
    }

    /// <summary>Sets a field, clearing the other members of its oneof (setting one member unsets the rest).</summary>
    public static void SetField(YMapping target, ProtoField field, ProtoMessage schema, YNode value)
    {
        if (field.Oneof is not null)
            foreach (var other in schema.Fields)
                if (other.Oneof == field.Oneof && other != field) target.Remove(other.JsonName);
        target.Set(field.JsonName, value);
    }

    /// <summary>Reads one field value.</summary>
    public static YNode ReadValue(YNode node, ProtoField field)
    {
        switch (field.Kind)
        {
            case ProtoFieldKind.String:
                return YScalar.String(ExpectString(node, field));
            case ProtoFieldKind.Int32:
            case ProtoFieldKind.Int32Wrapper:
                return YScalar.Int(ExpectInteger(node, field, int.MinValue, uint.MaxValue));
            case ProtoFieldKind.Int64:
            case ProtoFieldKind.Int64Wrapper:
                return YScalar.Int(ExpectInteger(node, field, long.MinValue, long.MaxValue));
            case ProtoFieldKind.Double:
            case ProtoFieldKind.DoubleWrapper:
                // Tagged so the scalar stays a float whatever its text looks like ("1e-07", "100").
                return new YScalar(DoubleText(ExpectDouble(node, field)), ScalarStyle.Plain, "tag:yaml.org,2002:float");
            case ProtoFieldKind.Bool:
            case ProtoFieldKind.BoolWrapper:
                if (node is YScalar { Kind: ScalarKind.Bool } b) return YScalar.Bool((bool)b.ToValue()!);
                throw Invalid(node, field);
            case ProtoFieldKind.Enum:
                return YScalar.String(ReadEnum(node, field));
            case ProtoFieldKind.RepeatedEnum:
                return new YSequence(ExpectSequence(node, field).Select(i => (YNode)YScalar.String(ReadEnum(i, field))));
            case ProtoFieldKind.Duration:
            {
                string text = node is YScalar { Kind: ScalarKind.String } s ? s.Value : throw Invalid(node, field);
                var nanos = Time.ParseDuration(text, out var error) ?? throw new ProtoJsonException($"bad Duration: {error}");
                return YScalar.String(ProtoDuration.Format(nanos));
            }
            case ProtoFieldKind.Message:
                return ReadMessage(node, field.Message!);
            case ProtoFieldKind.StringMap:
            {
                if (node is not YMapping m) throw Invalid(node, field);
                var result = new YMapping();
                foreach (var e in m.Entries)
                {
                    if (IsNull(e.Value)) continue;
                    result.Set(e.Name, YScalar.String(ExpectString(e.Value, field)));
                }
                return result;
            }
            case ProtoFieldKind.RepeatedString:
                return new YSequence(ExpectSequence(node, field).Select(i => (YNode)YScalar.String(ExpectString(i, field))));
            default:
                return node.DeepClone();
        }
    }

    private static IEnumerable<YNode> ExpectSequence(YNode node, ProtoField field) =>
        node is YSequence q ? q.Items : throw Invalid(node, field);

    private static string ReadEnum(YNode node, ProtoField field)
    {
        if (node is YScalar { Kind: ScalarKind.String } s)
        {
            if (field.IsEnumName(s.Value)) return s.Value;
            throw new ProtoJsonException($"unknown value {EncodingJson.Quote(s.Value)} for enum {field.JsonName}");
        }
        if (node is YScalar { Kind: ScalarKind.Int } i && i.ToValue() is long n)
            // jsonpb keeps undeclared numbers of an open enum; they print as the number.
            return field.EnumName(n) ?? n.ToString(CultureInfo.InvariantCulture);
        throw Invalid(node, field);
    }

    private static string ExpectString(YNode node, ProtoField field) =>
        node is YScalar { Kind: ScalarKind.String } s ? s.Value : throw Invalid(node, field);

    private static long ExpectInteger(YNode node, ProtoField field, long min, decimal max)
    {
        // proto-JSON accepts integers as numbers or as quoted decimal strings; YAML floats with an integral
        // value (15000.0) reach jsonpb as the JSON number 15000 after sigs.k8s.io/yaml's conversion.
        string? text = node switch
        {
            YScalar { Kind: ScalarKind.Int } i => i.AsGoString(),
            YScalar { Kind: ScalarKind.String } s => s.Value,
            YScalar { Kind: ScalarKind.Float } f when f.ToValue() is double d && Math.Floor(d) == d && Math.Abs(d) < 1e18
                => ((long)d).ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        if (text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) && v >= min && v <= max)
            return v;
        throw Invalid(node, field);
    }

    private static double ExpectDouble(YNode node, ProtoField field)
    {
        if (node is YScalar { Kind: ScalarKind.Int or ScalarKind.Float } s) return Convert.ToDouble(s.ToValue(), CultureInfo.InvariantCulture);
        if (node is YScalar { Kind: ScalarKind.String } t && double.TryParse(t.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return d;
        throw Invalid(node, field);
    }

    // jsonpb accepts "NaN", "Infinity" and "-Infinity" for a double; the tree keeps them as YAML's float forms.
    private static string DoubleText(double d) =>
        double.IsFinite(d) ? EncodingJson.Float(d) : double.IsNaN(d) ? ".nan" : d > 0 ? ".inf" : "-.inf";

    private static bool IsNull(YNode node) => node is YScalar { Kind: ScalarKind.Null };

    private static ProtoJsonException Invalid(YNode node, ProtoField field) =>
        new($"invalid value for {field.Kind.ToString().ToLowerInvariant()} field {field.JsonName}: {JsonText(node)}");

    private static string JsonType(YNode node) => node switch
    {
        YSequence => "array",
        YScalar { Kind: ScalarKind.Bool } => "bool",
        YScalar { Kind: ScalarKind.Int or ScalarKind.Float } => "number",
        _ => "string",
    };

    private static string JsonText(YNode node) => node switch
    {
        YScalar { Kind: ScalarKind.String } s => EncodingJson.Quote(s.Value),
        YScalar s => s.AsGoString(),
        _ => node.ToString(),
    };
}
