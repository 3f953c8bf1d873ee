namespace KubeInject.Checking.Policies;

/// <summary>A <c>PeerAuthentication</c>'s <c>mtls.mode</c> (Istio's <c>PeerAuthentication.MutualTLS.Mode</c>).</summary>
internal enum MtlsMode
{
    /// <summary>Inherit from the parent (workload → namespace → mesh); at the top, PERMISSIVE.</summary>
    Unset,
    /// <summary>Plain text only.</summary>
    Disable,
    /// <summary>Mutual TLS or plain text.</summary>
    Permissive,
    /// <summary>Mutual TLS only: a client without a sidecar is refused.</summary>
    Strict,
}

/// <summary>Parsing of <see cref="MtlsMode"/> as Istio's protobuf JSON reads it.</summary>
internal static class MtlsModes
{
    /// <summary>The mode of an <c>mtls</c> mapping's <c>mode</c> (absent or unknown = <see cref="MtlsMode.Unset"/>).</summary>
    public static MtlsMode Parse(string? text) => text switch
    {
        "DISABLE" => MtlsMode.Disable,
        "PERMISSIVE" => MtlsMode.Permissive,
        "STRICT" => MtlsMode.Strict,
        _ => MtlsMode.Unset,
    };

    /// <summary>The name as Istio spells it.</summary>
    public static string Name(this MtlsMode mode) => mode.ToString().ToUpperInvariant();
}
