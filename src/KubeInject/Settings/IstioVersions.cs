using KubeInject.Diagnostics;

namespace KubeInject.Settings;

/// <summary>The Istio versions KubeInject bundles, and resolution of a user's <c>--istio-version</c>.</summary>
internal static class IstioVersions
{
    /// <summary>Istio 1.23.0 (the primary target).</summary>
    public static readonly IstioVersionProfile V1_23_0 = new()
    {
        Version = "1.23.0",
        TemplateFolder = "istio-1.23",
        // Hashes of templates.* in the 1.23.0 chart's istio-sidecar-injector configmap (byte-identical to
        // manifests/charts/istio-control/istio-discovery/files/*.yaml at the tag).
        StockTemplateSha256 = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sidecar"] = "8ef21c31ab82f3e72c7cee5f5a485351037b4a77e82f7c67e86a906c74bf1a65",
            ["gateway"] = "5cd5c24f7f7fd0e7c4efa18b741b7c3c0b562ac48b4d5f1244a354bf6334e4a8",
            ["grpc-simple"] = "cc0c60252f24558ef15b6c2ba77350f3c84a52b16f0009fcee440e98ca94c2da",
            ["grpc-agent"] = "738e7901ba7acfccadc80d7057aad3b0e30e2752e6241f5903595fca3b95bb7a",
            ["waypoint"] = "6dc046a2b275d5d48216386807b72c99f8b9976fdffb5f1f0f3ad0aa6f51f863",
            ["kube-gateway"] = "d70e017c4c073b1ed94640f2b560b8a148e2e06d5c8d8a86fab7f5903cb775f2",
        },
    };

    /// <summary>Every bundled version, newest last.</summary>
    public static IReadOnlyList<IstioVersionProfile> All { get; } = [V1_23_0];

    /// <summary>The version used when none is asked for.</summary>
    public static IstioVersionProfile Default => V1_23_0;

    /// <summary>
    /// The profile for <c>1.23</c> or <c>1.23.0</c> (a leading <c>v</c> is accepted); a minor version picks its
    /// bundled patch. Null or empty gives <see cref="Default"/>.
    /// </summary>
    /// <exception cref="KubeInjectException">Unknown version (kind <see cref="ErrorKind.Usage"/>), listing the bundled ones.</exception>
    public static IstioVersionProfile Resolve(string? version)
    {
        if (string.IsNullOrWhiteSpace(version)) return Default;
        string v = version.Trim();
        if (v.StartsWith('v') || v.StartsWith('V')) v = v[1..];
        foreach (var p in All)
            if (p.Version == v) return p;
        var byMinor = All.LastOrDefault(p => MinorOf(p.Version) == v);
        if (byMinor is not null) return byMinor;
        throw new KubeInjectException(
            $"unsupported Istio version '{version}'; bundled versions: {string.Join(", ", All.Select(p => p.Version))}",
            null, ErrorKind.Usage);
    }

    private static string MinorOf(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2 ? parts[0] + "." + parts[1] : version;
    }
}
