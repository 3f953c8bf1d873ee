using KubeInject.Yaml;

namespace KubeInject.Settings;

/// <summary>
/// Istio 1.23's <c>mesh.DefaultProxyConfig()</c> and <c>mesh.DefaultMeshConfig()</c> as proto-JSON trees.
/// Every call returns a fresh tree the caller may modify.
/// </summary>
/// <remarks>
/// Enum fields whose proto3 default is meaningful to templates (<c>interceptionMode</c>) are written out by name
/// (<c>REDIRECT</c>) so a template reading them never sees a missing value; the JSON writer still omits them
/// because they equal the enum's zero.
/// </remarks>
internal static class MeshConfigDefaults
{
    /// <summary>The xDS address of the default istiod.</summary>
    public const string DiscoveryAddress = "istiod.istio-system.svc:15012";

    /// <summary><c>DefaultProxyConfig()</c>.</summary>
    public static YMapping ProxyConfig()
    {
        var m = new YMapping();
        m.Set("configPath", YScalar.String("./etc/istio/proxy"));
        m.Set("binaryPath", YScalar.String("/usr/local/bin/envoy"));
        m.Set("serviceCluster", YScalar.String("istio-proxy"));
        m.Set("drainDuration", YScalar.String("45s"));
        m.Set("discoveryAddress", YScalar.String(DiscoveryAddress));
        m.Set("proxyAdminPort", YScalar.Int(15000));
        m.Set("controlPlaneAuthPolicy", YScalar.String("MUTUAL_TLS"));
        m.Set("statNameLength", YScalar.Int(189));
        m.Set("interceptionMode", YScalar.String("REDIRECT"));
        m.Set("statusPort", YScalar.Int(15020));
        m.Set("terminationDrainDuration", YScalar.String("5s"));
        return m;
    }

    /// <summary><c>DefaultMeshConfig()</c> (with <see cref="ProxyConfig"/> as <c>defaultConfig</c>).</summary>
    public static YMapping MeshConfig()
    {
        var m = new YMapping();
        m.Set("enableTracing", YScalar.Bool(true));
        m.Set("accessLogFile", YScalar.String(""));
        m.Set("accessLogEncoding", YScalar.String("TEXT"));
        m.Set("accessLogFormat", YScalar.String(""));
        m.Set("enableEnvoyAccessLogService", YScalar.Bool(false));
        m.Set("protocolDetectionTimeout", YScalar.String("0s"));
        m.Set("ingressService", YScalar.String("istio-ingressgateway"));
        m.Set("ingressControllerMode", YScalar.String("STRICT"));
        m.Set("ingressClass", YScalar.String("istio"));
        m.Set("trustDomain", YScalar.String("cluster.local"));
        m.Set("trustDomainAliases", new YSequence());
        m.Set("enableAutoMtls", YScalar.Bool(true));
        m.Set("outboundTrafficPolicy", Map(("mode", YScalar.String("ALLOW_ANY"))));
        m.Set("inboundTrafficPolicy", Map(("mode", YScalar.String("PASSTHROUGH"))));
        m.Set("localityLbSetting", Map(("enabled", YScalar.Bool(true))));
        m.Set("certificates", new YSequence());
        m.Set("defaultConfig", ProxyConfig());
        m.Set("rootNamespace", YScalar.String("istio-system"));
        m.Set("proxyListenPort", YScalar.Int(15001));
        m.Set("proxyInboundListenPort", YScalar.Int(15006));
        m.Set("connectTimeout", YScalar.String("10s"));
        m.Set("defaultServiceExportTo", new YSequence([YScalar.String("*")]));
        m.Set("defaultVirtualServiceExportTo", new YSequence([YScalar.String("*")]));
        m.Set("defaultDestinationRuleExportTo", new YSequence([YScalar.String("*")]));
        m.Set("dnsRefreshRate", YScalar.String("60s"));
        m.Set("serviceSettings", new YSequence());
        m.Set("enablePrometheusMerge", YScalar.Bool(true));
        m.Set("defaultProviders", new YMapping());
        m.Set("extensionProviders", new YSequence([
            Map(("name", YScalar.String("prometheus")), ("prometheus", new YMapping())),
            Map(("name", YScalar.String("stackdriver")), ("stackdriver", new YMapping())),
            Map(("name", YScalar.String("envoy")), ("envoyFileAccessLog", Map(("path", YScalar.String("/dev/stdout"))))),
        ]));
        return m;
    }

    private static YMapping Map(params (string Key, YNode Value)[] entries)
    {
        var m = new YMapping();
        foreach (var (k, v) in entries) m.Set(k, v);
        return m;
    }
}
