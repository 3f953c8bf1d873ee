namespace KubeInject;

/// <summary>What <see cref="Injector"/> does with a pod that already carries a sidecar (a parseable <c>sidecar.istio.io/status</c>).</summary>
public enum ReinjectionMode
{
    /// <summary>
    /// Take the previous injection out first (as <see cref="Uninjector"/> does), then inject: the result equals
    /// injecting the original manifest, whatever version or settings the previous injection used (an upgrade).
    /// </summary>
    Replace,

    /// <summary>
    /// What <c>istioctl kube-inject</c> 1.22–1.29 does (spec §2, §5.4): the templates are merged over the injected pod,
    /// so fields of the old sidecar the new template does not set survive. Reproduces Istio's goldens for
    /// already-injected inputs.
    /// </summary>
    IstioMerge,
}
