namespace KubeInject.Settings;

/// <summary>Which annotation checks apply: the rules differ between Istio versions (§9.2).</summary>
internal sealed record AnnotationValidationOptions
{
    /// <summary>Validate <c>sidecar.istio.io/enableCoreDump</c> as a Go bool (1.22/1.23; dropped in 1.29).</summary>
    public bool ValidateEnableCoreDump { get; init; } = true;

    /// <summary>
    /// Validate <c>sidecar.istio.io/proxyCPU</c>, <c>proxyMemory</c>, <c>proxyCPULimit</c>, <c>proxyMemoryLimit</c> as
    /// Kubernetes quantities (1.29).
    /// </summary>
    public bool ValidateResourceQuantities { get; init; }

    /// <summary>The options for a version profile.</summary>
    public static AnnotationValidationOptions For(IstioVersionProfile profile) => new()
    {
        ValidateEnableCoreDump = profile.ValidateEnableCoreDump,
        ValidateResourceQuantities = profile.ValidateResourceAnnotations,
    };
}
