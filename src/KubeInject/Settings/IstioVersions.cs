using KubeInject.Diagnostics;

namespace KubeInject.Settings;

/// <summary>The Istio versions KubeInject bundles, and resolution of a user's <c>--istio-version</c>.</summary>
internal static class IstioVersions
{
    /// <summary>Istio 1.22.4: 1.23's Go behaviour; only its templates and chart values differ (spec §9.1).</summary>
    public static readonly IstioVersionProfile V1_22_4 = new()
    {
        Version = "1.22.4",
        TemplateFolder = "istio-1.22",
        ZeroResourceFieldRefDivisor = true,
        // Hashes of templates.* in the 1.22.4 chart's istio-sidecar-injector configmap (the four we port are
        // byte-identical to manifests/charts/istio-control/istio-discovery/files/*.yaml at the tag).
        StockTemplateSha256 = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sidecar"] = "70a5c30bf354eef2860831c3ab5ab065c06d5d493ecd3fbfe91e5c77c5a46213",
            ["gateway"] = "9c3d86c594bf4a8e16d0d16a0c4ae00dd26edd546271559588b2bad8cd8c052c",
            ["grpc-simple"] = "cc0c60252f24558ef15b6c2ba77350f3c84a52b16f0009fcee440e98ca94c2da",
            ["grpc-agent"] = "738e7901ba7acfccadc80d7057aad3b0e30e2752e6241f5903595fca3b95bb7a",
            ["waypoint"] = "4655e5029761dfe1ee0eea2e11d8315a9d9c71fd87b0f1bd76ac51d8a191a49e",
            ["kube-gateway"] = "b3dcc9b54c3b70ccf603cd559cfccdf34346d00f259e750afbd56b11dc35c562",
        },
    };

    /// <summary>Istio 1.23.0 (the primary target).</summary>
    public static readonly IstioVersionProfile V1_23_0 = new()
    {
        Version = "1.23.0",
        TemplateFolder = "istio-1.23",
        ZeroResourceFieldRefDivisor = true,
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

    /// <summary>
    /// Istio 1.29.6: strict inject value, native sidecars as template data, lifecycle-hook rewriting, changed
    /// annotation validation, namespace-aware Multus matching, no <c>creationTimestamp: null</c> (spec §9.2).
    /// </summary>
    public static readonly IstioVersionProfile V1_29_6 = new()
    {
        Version = "1.29.6",
        TemplateFolder = "istio-1.29",
        StrictInjectValue = true,
        AddProbersToInjectedPods = true,
        RewriteLifecycleHooks = true,
        ValidateEnableCoreDump = false,
        ValidateResourceAnnotations = true,
        NativeSidecarAnnotation = true,
        NativeSidecarsEnvIsMode = true,
        MultusNamespaceMatching = true,
        // Hashes of templates.* in the 1.29.6 chart's istio-sidecar-injector configmap (the four we port are
        // byte-identical to manifests/charts/istio-control/istio-discovery/files/*.yaml at the tag).
        StockTemplateSha256 = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sidecar"] = "0b32f5525038f188c73d47f3c9e6d907f8f0e6499b21036c1879fa9cee2201be",
            ["gateway"] = "79417fa7747079495dbc56e48cc01faff2b4c72476eaefd3fdabc9b7fad18d2b",
            ["grpc-simple"] = "cc0c60252f24558ef15b6c2ba77350f3c84a52b16f0009fcee440e98ca94c2da",
            ["grpc-agent"] = "91fc2dafe45c16311bf11b2e98880ec4e05faa79485903b8c1ce386f5e8e2636",
            ["waypoint"] = "b261d6d5a43ee206cd02495cd2b8dd6fd8ac54947aeaff4b99cc43bacc5e1d60",
            ["kube-gateway"] = "1a405f143549215e1cc73dbc1556fea3f47902a6b3addb719ff4f47f1bcaf3f0",
            ["agentgateway"] = "10eb767ba6a9441bed440a5472d79503b6df8027b41fceeed755f72fa92ea68f",
        },
    };

    /// <summary>
    /// Istio 1.28.10: the 1.29 Go behaviour (the corpus of both passes with the same knobs) with the older
    /// Kubernetes libraries' zero <c>divisor</c> in the typed round trip.
    /// </summary>
    public static readonly IstioVersionProfile V1_28_10 = V1_29_6 with
    {
        Version = "1.28.10",
        TemplateFolder = "istio-1.28",
        ZeroResourceFieldRefDivisor = true,
        StockTemplateSha256 = new Dictionary<string, string>(),
    };

    /// <summary>Istio 1.30.3: the 1.29 Go behaviour; its template adds <c>OTEL_RESOURCE_ATTRIBUTES</c> (<c>otelResourceAttributes</c>).</summary>
    public static readonly IstioVersionProfile V1_30_3 = V1_29_6 with
    {
        Version = "1.30.3",
        TemplateFolder = "istio-1.30",
        StockTemplateSha256 = new Dictionary<string, string>(),
    };

    /// <summary>Every bundled version, oldest first.</summary>
    public static IReadOnlyList<IstioVersionProfile> All { get; } = [V1_22_4, V1_23_0, V1_28_10, V1_29_6, V1_30_3];

    /// <summary>The version used when none is asked for: the newest bundled.</summary>
    public static IstioVersionProfile Default => All[^1];

    /// <summary>
    /// The profile for e.g. <c>1.29</c> or <c>1.29.6</c> (a leading <c>v</c> is accepted); a minor version picks its
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

    /// <summary>
    /// For a version that is not bundled (e.g. <c>1.27.3</c>): the newest bundled profile at or below it, whose Go-code
    /// behaviour it then follows, or null when the text is not a version or is older than every bundled one.
    /// </summary>
    public static IstioVersionProfile? FallbackFor(string? version)
    {
        var wanted = Numbers(version);
        if (wanted is null) return null;
        return All.LastOrDefault(p => Compare(Numbers(p.Version)!, wanted) <= 0);
    }

    /// <summary><c>1.27.3</c> (or <c>v1.27</c>) as numbers; null when it is not a version.</summary>
    internal static int[]? Numbers(string? version)
    {
        var v = version?.Trim().TrimStart('v', 'V') ?? "";
        var parts = v.Split('.');
        if (parts.Length is < 2 or > 3) return null;
        var numbers = new int[3];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out numbers[i])) return null;
        return numbers;
    }

    private static int Compare(int[] a, int[] b)
    {
        for (int i = 0; i < 3; i++)
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        return 0;
    }

    /// <summary>The bundled profile whose exact version is <paramref name="version"/> (no minor-only match, no <c>v</c>), or null.</summary>
    public static IstioVersionProfile? FindExact(string? version) =>
        All.FirstOrDefault(p => string.Equals(p.Version, version?.Trim(), StringComparison.Ordinal));

    /// <summary>The bundled profile of <paramref name="version"/>'s minor release (<c>1.22.1</c> → 1.22.4), or null.</summary>
    public static IstioVersionProfile? FindByMinor(string version) =>
        All.LastOrDefault(p => MinorOf(p.Version) == MinorOf(version.TrimStart('v', 'V')));

    private static string MinorOf(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2 ? parts[0] + "." + parts[1] : version;
    }
}
