using System.Text;
using KubeInject.Go;
using Scriban.Runtime;

namespace KubeInject.Rendering;

/// <summary>
/// <c>encoding/json</c> of a Kubernetes <c>ContainerPort</c>, as Istio's <c>structToJSON</c> writes it for
/// <c>ISTIO_META_POD_PORTS</c>: struct field order (name, hostPort, containerPort, protocol, hostIP), with
/// <c>omitempty</c> on everything but containerPort.
/// </summary>
internal static class ContainerPortJson
{
    private static readonly string[] Fields = ["name", "hostPort", "containerPort", "protocol", "hostIP"];

    /// <summary>True when every key of the map is a ContainerPort field.</summary>
    public static bool IsPort(ScriptObject map) => map.Count > 0 && map.Keys.All(k => Fields.Contains(k));

    /// <summary>The port's JSON.</summary>
    public static string Marshal(ScriptObject port)
    {
        var sb = new StringBuilder("{");
        foreach (var field in Fields)
        {
            port.TryGetValue(field, out var value);
            bool omitEmpty = field != "containerPort";
            if (omitEmpty && !GoValues.Truthy(value)) continue;
            if (sb.Length > 1) sb.Append(',');
            EncodingJson.AppendString(sb, field);
            sb.Append(':');
            // Typed decoding makes the int32 fields numbers and the rest strings.
            if (field is "hostPort" or "containerPort") EncodingJson.Append(sb, value is string ? value : GoValues.ToInt64(value));
            else EncodingJson.Append(sb, value is string ? value : Fmt.Sprint(value));
        }
        return sb.Append('}').ToString();
    }
}
