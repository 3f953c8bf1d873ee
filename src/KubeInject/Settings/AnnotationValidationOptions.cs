using KubeInject.Versions;

namespace KubeInject.Settings;

/// <summary>Which annotation checks apply: the switches of a version's <c>profile.yaml</c>, under the profile's names.</summary>
internal sealed record AnnotationValidationOptions
{
    /// <summary>Validate <c>sidecar.istio.io/enableCoreDump</c> as a Go bool (1.22/1.23; dropped in 1.29).</summary>
    public bool ValidateEnableCoreDump { get; init; } = true;

    /// <summary>
    /// Validate <c>sidecar.istio.io/proxyCPU</c>, <c>proxyMemory</c>, <c>proxyCPULimit</c>, <c>proxyMemoryLimit</c> as
    /// Kubernetes quantities.
    /// </summary>
    public bool ValidateResourceAnnotations { get; init; }

    /// <summary>The options of a version, read from its profile.</summary>
    public static AnnotationValidationOptions For(IstioVersionProfile profile) => new()
    {
        ValidateEnableCoreDump = profile.ValidateEnableCoreDump,
        ValidateResourceAnnotations = profile.ValidateResourceAnnotations,
    };
}
