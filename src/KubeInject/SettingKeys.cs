using KubeInject.Diagnostics;

namespace KubeInject;

/// <summary>
/// The names of the injection settings as configuration files spell them (<c>.kube-inject.yaml</c>, a KRM
/// function's <c>functionConfig</c>): camelCase, with the CLI's kebab-case flag names accepted too. One list, so
/// every reader of settings accepts the same keys and values.
/// </summary>
public static class SettingKeys
{
    /// <summary>Istio version (<see cref="InjectionOptions.IstioVersion"/>).</summary>
    public const string IstioVersion = "istioVersion";

    /// <summary>Control-plane revision.</summary>
    public const string Revision = "revision";

    /// <summary>Native sidecar mode: <c>true</c>, <c>false</c> or <c>auto</c>.</summary>
    public const string NativeSidecars = "nativeSidecars";

    /// <summary>The injector's values.</summary>
    public const string Values = "values";

    /// <summary>The mesh config.</summary>
    public const string MeshConfig = "meshConfig";

    /// <summary>The injector config (templates).</summary>
    public const string InjectorConfig = "injectorConfig";

    /// <summary>Workload kinds beyond the built-in table.</summary>
    public const string Workloads = "workloads";

    /// <summary>Every setting, in its canonical spelling.</summary>
    public static IReadOnlyList<string> All { get; } = [Values, MeshConfig, InjectorConfig, IstioVersion, Revision, NativeSidecars, Workloads];

    /// <summary>The canonical spelling of <paramref name="key"/> (<c>istio-version</c> → <c>istioVersion</c>), or null when it is not a setting.</summary>
    public static string? Canonical(string key)
    {
        foreach (var k in All)
            if (key == k || key == KebabCase(k)) return k;
        return null;
    }

    /// <summary>The kebab-case spelling the CLI's flags use (<c>meshConfig</c> → <c>mesh-config</c>).</summary>
    public static string KebabCase(string key) =>
        string.Concat(key.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>A <c>nativeSidecars</c> value (<c>true</c>, <c>false</c>, <c>auto</c>; empty = auto).</summary>
    /// <exception cref="KubeInjectException">Any other value (a usage error).</exception>
    public static NativeSidecarMode ParseNativeSidecars(string value, SourceLocation? location = null) => value switch
    {
        "true" => NativeSidecarMode.Enabled,
        "false" => NativeSidecarMode.Disabled,
        "auto" or "" => NativeSidecarMode.Auto,
        _ => throw new KubeInjectException($"{NativeSidecars} must be true, false or auto, not \"{value}\"", location, ErrorKind.Usage),
    };
}
