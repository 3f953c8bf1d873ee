using KubeInject.Go.Protojson;
using KubeInject.Yaml;

namespace KubeInject.Settings;

/// <summary>
/// Istio's template function <c>protoToJSON</c> applied to a ProxyConfig (the <c>PROXY_CONFIG</c> env value):
/// fields equal to <c>DefaultProxyConfig</c> are cleared first, an empty <c>proxyMetadata</c> is dropped, then
/// the message is written as compact legacy jsonpb (declaration order, zero values omitted, set messages and
/// wrappers always written, enums by name, durations in seconds, sorted map keys, Go escaping).
/// </summary>
internal static class ProxyConfigJson
{
    // The fields Istio's protoToJSON clears when they equal DefaultProxyConfig. tracing, concurrency and the
    // two envoy*Service fields are also listed by Istio, but their defaults are unset, so clearing them when
    // "equal to default" never changes anything.
    private static readonly string[] ClearedWhenDefault =
        ["configPath", "binaryPath", "controlPlaneAuthPolicy", "drainDuration", "terminationDrainDuration", "discoveryAddress",
         "proxyAdminPort", "statNameLength", "statusPort"];

    /// <summary>The JSON text (no trailing newline) for an effective ProxyConfig tree.</summary>
    public static string Format(YMapping proxyConfig)
    {
        var pc = (YMapping)proxyConfig.DeepClone();
        var defaults = MeshConfigDefaults.ProxyConfig();
        foreach (var name in ClearedWhenDefault)
            if (pc[name] is { } v && v.SemanticEquals(defaults[name])) pc.Remove(name);
        // serviceCluster is cleared only when it is the serviceCluster choice of the oneof with the default value.
        if (pc["serviceCluster"] is YScalar { Value: "istio-proxy" }) pc.Remove("serviceCluster");
        if (pc["proxyMetadata"] is YMapping { Count: 0 }) pc.Remove("proxyMetadata");
        return ProtoJsonWriter.Write(pc, ProtoSchemas.ProxyConfig);
    }
}
