using KubeInject.Go;
using KubeInject.Yaml;
using Scriban.Runtime;

namespace KubeInject.GoTemplates;

/// <summary>
/// A Go struct seen through its JSON form (a Kubernetes object, a proto message): fields are addressed by Go name
/// (<c>.Spec.ServiceAccountName</c>) and resolved to the JSON key (<see cref="GoFieldNames"/>); a field absent from
/// the YAML is the field's zero value (<see cref="GoZero"/>), not Go's "no value" of a missing map key.
/// Nested mappings of a struct tree are structs too, except the <c>map[string]string</c> fields made
/// <see cref="GoStringMap"/>s explicitly.
/// </summary>
internal sealed class GoStruct : ScriptObject
{
    // No auto-import: a ScriptObject subclass otherwise scans itself for static members by reflection, per instance.
    /// <summary>An empty struct.</summary>
    public GoStruct() : base(8, autoImportStaticsFromThisType: false) { }
}

/// <summary>A Go <c>map[string]string</c> (labels, annotations, proxyMetadata): <c>index</c> of a missing key is <c>""</c>.</summary>
internal sealed class GoStringMap : ScriptObject
{
    /// <summary>An empty map.</summary>
    public GoStringMap() : base(8, autoImportStaticsFromThisType: false) { }
}

/// <summary>
/// The zero value of a struct field that is absent from the YAML. Without the Go types its type is unknown, so it
/// acts as every zero at once: it prints as <c>""</c> (a string field, the common case), is false, equals
/// <c>""</c>, <c>0</c>, <c>false</c> and nil, has length 0, ranges over nothing and its fields and getters are
/// zero too (proto getters are nil-safe). Functions receive it as <c>""</c>.
/// </summary>
internal sealed class GoZero
{
    /// <summary>The one instance.</summary>
    public static readonly GoZero Value = new();

    private GoZero() { }

    /// <inheritdoc />
    public override string ToString() => "";
}

/// <summary>Converts YAML trees into the Go-shaped data the front end addresses (<see cref="GoStruct"/> trees, <c>map[string]interface{}</c> maps).</summary>
internal static class GoData
{
    /// <summary>A struct tree: mappings become <see cref="GoStruct"/>s, numbers stay integers where the YAML has them.</summary>
    public static GoStruct Struct(YNode? node) => StructValue(node) as GoStruct ?? new GoStruct();

    private static object? StructValue(YNode? node)
    {
        switch (node)
        {
            case YMapping m:
            {
                var o = new GoStruct();
                foreach (var e in m.Entries) o[e.Name] = StructValue(e.Value);
                return o;
            }
            case YSequence q:
            {
                var a = new ScriptArray(q.Items.Count);
                foreach (var i in q.Items) a.Add(StructValue(i));
                return a;
            }
            case YScalar s:
                return s.ToValue();
            default:
                return null;
        }
    }

    /// <summary>
    /// A <c>map[string]interface{}</c> tree as Go's YAML/JSON decoders build it: every number a float64 when
    /// <paramref name="float64Numbers"/> (Istio's values), nested maps plain <see cref="ScriptObject"/>s.
    /// </summary>
    public static ScriptObject Map(YNode? node, bool float64Numbers) =>
        MapValue(node, float64Numbers) as ScriptObject ?? new ScriptObject();

    private static object? MapValue(YNode? node, bool float64Numbers)
    {
        switch (node)
        {
            case YMapping m:
            {
                var o = new ScriptObject();
                foreach (var e in m.Entries) o[e.Name] = MapValue(e.Value, float64Numbers);
                return o;
            }
            case YSequence q:
            {
                var a = new ScriptArray(q.Items.Count);
                foreach (var i in q.Items) a.Add(MapValue(i, float64Numbers));
                return a;
            }
            case YScalar s:
            {
                var v = s.ToValue();
                return float64Numbers && v is long l ? (double)l : v;
            }
            default:
                return null;
        }
    }

    /// <summary>A <c>map[string]string</c>: scalar values as Go stores them in a string field.</summary>
    public static GoStringMap StringMap(YNode? node)
    {
        var result = new GoStringMap();
        if (node is YMapping m)
            foreach (var e in m.Entries)
                result[e.Name] = e.Value is YScalar s ? s.AsGoString() : Fmt.Sprint(MapValue(e.Value, false));
        return result;
    }
}
