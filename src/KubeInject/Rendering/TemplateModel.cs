using KubeInject.Go;
using KubeInject.Yaml;
using Scriban.Runtime;

namespace KubeInject.Rendering;

/// <summary>
/// Turns <see cref="TemplateData"/> into the Scriban globals a template sees. Data is copied into
/// <see cref="ScriptObject"/>/<see cref="ScriptArray"/> trees (no reflected .NET objects) keeping Kubernetes and
/// proto-JSON field names (<c>spec.containers</c>, <c>proxy_config.proxyMetadata</c>); the top-level variables
/// are snake_case (<c>object_meta</c>, <c>proxy_config</c>, <c>values</c>, ...).
/// </summary>
internal static class TemplateModel
{
    /// <summary>The globals for one render (a fresh tree each time: templates may assign variables).</summary>
    public static ScriptObject Build(TemplateData data)
    {
        var globals = new ScriptObject
        {
            ["type_meta"] = new ScriptObject { ["kind"] = data.Kind, ["apiVersion"] = data.ApiVersion },
            ["deployment_meta"] = new ScriptObject { ["name"] = data.DeploymentName, ["namespace"] = data.DeploymentNamespace },
            ["object_meta"] = ObjectMeta(data.ObjectMeta),
            ["spec"] = Convert(data.Spec, float64Numbers: false) ?? new ScriptObject(),
            ["proxy_config"] = ProxyConfigs.GetValue(data.ProxyConfig, ProxyConfig),
            ["mesh_config"] = Cached(MeshConfigs, data.MeshConfig, float64Numbers: false),
            // Go decodes the values into map[string]any, so every number is a float64.
            ["values"] = Cached(ValuesTrees, data.Values, float64Numbers: true),
            ["revision"] = data.Revision,
            ["proxy_image"] = data.ProxyImage,
            ["proxy_uid"] = data.ProxyUid,
            ["proxy_gid"] = data.ProxyGid,
            ["inbound_traffic_policy_mode"] = data.InboundTrafficPolicyMode,
            ["compliance_policy"] = data.CompliancePolicy,
            ["native_sidecars"] = data.NativeSidecars,
        };
        return globals;
    }

    // The values, the mesh config and its ProxyConfig are the same trees for every workload of an injector (the
    // mesh differs only under a proxy.istio.io/config annotation): convert each once. Templates only read them.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<YMapping, ScriptObject> ValuesTrees = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<YMapping, ScriptObject> MeshConfigs = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<YMapping, ScriptObject> ProxyConfigs = new();

    private static ScriptObject Cached(System.Runtime.CompilerServices.ConditionalWeakTable<YMapping, ScriptObject> cache, YMapping tree, bool float64Numbers) =>
        cache.GetValue(tree, t => Convert(t, float64Numbers) as ScriptObject ?? new ScriptObject());

    // Labels and annotations are map[string]string in Go: values are Go strings, and the maps always exist
    // here (a nil and an empty map behave the same in every template function).
    private static ScriptObject ObjectMeta(YMapping meta)
    {
        var result = Convert(meta, float64Numbers: false) as ScriptObject ?? new ScriptObject();
        result["labels"] = StringMap(meta["labels"]);
        result["annotations"] = StringMap(meta["annotations"]);
        return result;
    }

    private static ScriptObject ProxyConfig(YMapping proxyConfig)
    {
        var result = Convert(proxyConfig, float64Numbers: false) as ScriptObject ?? new ScriptObject();
        result["proxyMetadata"] = StringMap(proxyConfig["proxyMetadata"]);
        // The enum's zero value; proto JSON leaves it out, but Go templates print it as REDIRECT.
        if (result["interceptionMode"] is not string { Length: > 0 }) result["interceptionMode"] = "REDIRECT";
        return result;
    }

    /// <summary>A <c>map[string]string</c>: scalar values as Go stores them in a string field.</summary>
    internal static ScriptObject StringMap(YNode? node)
    {
        var result = new ScriptObject();
        if (node is YMapping m)
            foreach (var e in m.Entries)
                result[e.Name] = e.Value is YScalar s ? s.AsGoString() : Fmt.Sprint(Convert(e.Value, float64Numbers: false));
        return result;
    }

    /// <summary>A YAML tree as Scriban data: mappings → ScriptObject, sequences → ScriptArray, scalars → null/bool/long/double/string.</summary>
    internal static object? Convert(YNode? node, bool float64Numbers)
    {
        switch (node)
        {
            case null:
                return null;
            case YMapping m:
            {
                var o = new ScriptObject();
                foreach (var e in m.Entries) o[e.Name] = Convert(e.Value, float64Numbers);
                return o;
            }
            case YSequence q:
                return new ScriptArray(q.Items.Select(i => Convert(i, float64Numbers)));
            case YScalar s:
            {
                var v = s.ToValue();
                return float64Numbers && v is long l ? (double)l : v;
            }
            default:
                return null;
        }
    }
}
