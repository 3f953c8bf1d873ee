using KubeInject.Yaml;

namespace KubeInject.Settings;

/// <summary>
/// The part of Istio's <c>ValidateMeshConfig</c> that a mesh config for injection can fail: listen ports and the
/// default ProxyConfig. (Checks of routing-only settings such as extension providers are not reproduced.)
/// </summary>
internal static class MeshConfigValidator
{
    /// <summary>Flat error texts, empty when valid.</summary>
    public static List<string> Validate(YMapping mesh)
    {
        var errs = new List<string>();
        long listen = (mesh["proxyListenPort"] as YScalar)?.ToValue() is long l ? l : 0;
        if (ProxyConfigValidator.PortError(listen) is { } e) errs.Add("invalid proxy listen port: " + e);
        if (mesh["defaultConfig"] is YMapping pc) errs.AddRange(ProxyConfigValidator.Validate(pc));
        else errs.Add("missing default config");
        return errs;
    }
}
