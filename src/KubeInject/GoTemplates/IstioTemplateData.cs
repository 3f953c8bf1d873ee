using System.Runtime.CompilerServices;
using KubeInject.Rendering;
using KubeInject.Yaml;
using Scriban.Runtime;

namespace KubeInject.GoTemplates;

/// <summary>
/// Istio's <c>SidecarTemplateData</c> as Go templates address it: <c>.TypeMeta</c>, <c>.DeploymentMeta</c>,
/// <c>.ObjectMeta</c>, <c>.Spec</c> (Kubernetes structs), <c>.ProxyConfig</c>, <c>.MeshConfig</c> (proto messages),
/// <c>.Values</c> (a <c>map[string]any</c> of float64 numbers) and the scalar fields, built on the YAML trees of
/// <see cref="TemplateData"/> without typed objects.
/// </summary>
internal static class IstioTemplateData
{
    // The values, mesh config and ProxyConfig are shared by the workloads of an injector: convert each once.
    private static readonly ConditionalWeakTable<YMapping, ScriptObject> ValuesTrees = new();
    private static readonly ConditionalWeakTable<YMapping, GoStruct> MeshTrees = new();
    private static readonly ConditionalWeakTable<YMapping, GoStruct> ProxyConfigTrees = new();

    /// <summary>The template's dot for <paramref name="data"/>, and its <c>.ProxyConfig</c> (which <c>protoToJSON</c> recognises).</summary>
    public static (GoStruct Dot, GoStruct ProxyConfig) Build(TemplateData data)
    {
        var proxyConfig = ProxyConfigTrees.GetValue(data.ProxyConfig, ProxyConfig);
        var meta = GoData.Struct(data.ObjectMeta);
        // Labels and annotations are map[string]string: index of a missing key is "", and they always exist here.
        meta["labels"] = GoData.StringMap(data.ObjectMeta["labels"]);
        meta["annotations"] = GoData.StringMap(data.ObjectMeta["annotations"]);
        var dot = new GoStruct
        {
            ["TypeMeta"] = new GoStruct { ["kind"] = data.Kind, ["apiVersion"] = data.ApiVersion },
            ["DeploymentMeta"] = new GoStruct { ["name"] = data.DeploymentName, ["namespace"] = data.DeploymentNamespace },
            ["ObjectMeta"] = meta,
            ["Spec"] = GoData.Struct(data.Spec),
            ["ProxyConfig"] = proxyConfig,
            ["MeshConfig"] = MeshTrees.GetValue(data.MeshConfig, m => GoData.Struct(m)),
            ["Values"] = ValuesTrees.GetValue(data.Values, v => GoData.Map(v, float64Numbers: true)),
            ["Revision"] = data.Revision,
            ["ProxyImage"] = data.ProxyImage,
            ["ProxyUID"] = data.ProxyUid,
            ["ProxyGID"] = data.ProxyGid,
            ["InboundTrafficPolicyMode"] = data.InboundTrafficPolicyMode,
            ["CompliancePolicy"] = data.CompliancePolicy,
            ["NativeSidecars"] = data.NativeSidecars,
        };
        return (dot, proxyConfig);
    }

    private static GoStruct ProxyConfig(YMapping proxyConfig)
    {
        var result = GoData.Struct(proxyConfig);
        result["proxyMetadata"] = GoData.StringMap(proxyConfig["proxyMetadata"]);
        // The enum's zero value: proto JSON leaves it out, Go prints it as REDIRECT.
        if (result.TryGetValue("interceptionMode", out var mode) is false || mode is not string { Length: > 0 }) result["interceptionMode"] = "REDIRECT";
        return result;
    }

    /// <summary>Renders a compiled Go template for <paramref name="data"/> with what Istio's functions read from the render.</summary>
    public static string Render(GoTemplate template, TemplateData data)
    {
        var (dot, proxyConfig) = Build(data);
        var context = new Rendering.GoTemplateContext(GoTemplate.Builtins)
        {
            Environment = data.Environment,
            Now = data.Now,
            ProxyConfigJson = data.ProxyConfigJson,
            MultusNamespaceMatching = data.MultusNamespaceMatching,
            ProxyConfig = proxyConfig,
        };
        return template.Render(dot, context);
    }
}
