namespace KubeInject;

/// <summary>Whether <c>istio-proxy</c> runs as a native sidecar (an init container with <c>restartPolicy: Always</c>).</summary>
public enum NativeSidecarMode
{
    /// <summary>Like istioctl offline: off, unless the caller's environment sets <c>ENABLE_NATIVE_SIDECARS=true</c>.</summary>
    Auto,
    /// <summary>Always native sidecars.</summary>
    Enabled,
    /// <summary>Never native sidecars.</summary>
    Disabled,
}
