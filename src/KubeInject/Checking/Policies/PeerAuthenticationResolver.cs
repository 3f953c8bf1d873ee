using System.Globalization;
using KubeInject.Yaml;

namespace KubeInject.Checking.Policies;

/// <summary>The peer-authentication mode a workload's sidecar enforces, and the policy it comes from.</summary>
/// <param name="Mode">The workload-level mode (never <see cref="MtlsMode.Unset"/>).</param>
/// <param name="Source">The policy that set <paramref name="Mode"/>, or null for Istio's default (PERMISSIVE).</param>
/// <param name="PerPort">Port-level modes of the workload policy (container ports), UNSET already resolved.</param>
/// <param name="PortSource">The workload policy whose <c>portLevelMtls</c> gave <paramref name="PerPort"/>, or null.</param>
internal sealed record EffectivePeerAuthentication(MtlsMode Mode, IstioPolicy? Source, IReadOnlyDictionary<int, MtlsMode> PerPort, IstioPolicy? PortSource = null)
{
    /// <summary>The policy that makes some connection STRICT: the mode's source, else the port-level one.</summary>
    public IstioPolicy? StrictSource => Mode == MtlsMode.Strict ? Source : PerPort.Values.Contains(MtlsMode.Strict) ? PortSource : null;

    /// <summary>True when some connection to the workload must be mutual TLS.</summary>
    public bool AnyStrict => Mode == MtlsMode.Strict || PerPort.Values.Contains(MtlsMode.Strict);

    /// <summary>The ports that are STRICT while the workload level is not.</summary>
    public IEnumerable<int> StrictPorts => PerPort.Where(p => p.Value == MtlsMode.Strict).Select(p => p.Key).Order();
}

/// <summary>
/// Istio's precedence for <c>PeerAuthentication</c> (pilot's <c>ComposePeerAuthentication</c>, and the reference docs):
/// a mesh-wide policy is one in the root namespace without a selector (or with empty <c>matchLabels</c>); a
/// namespace-wide one is in the workload's namespace without a selector; a workload policy is in the workload's
/// namespace and selects its labels. A selector in the root namespace is ignored. The workload policy wins over the
/// namespace one, which wins over the mesh one, a level whose mode is <c>UNSET</c> (or absent) inheriting from the one
/// above, and PERMISSIVE when none sets a mode. <c>portLevelMtls</c> counts only on the workload policy; a port's
/// <c>UNSET</c> takes the workload's resolved mode. Where Istio takes the oldest of several policies of one level,
/// the first in the input stands for it (manifests have no creation time).
/// </summary>
internal static class PeerAuthenticationResolver
{
    public const string Kind = "PeerAuthentication";

    /// <summary>The effective peer authentication of a workload in <paramref name="ns"/> with <paramref name="podLabels"/>.</summary>
    public static EffectivePeerAuthentication Resolve(IEnumerable<IstioPolicy> policies, string rootNamespace, string ns, IReadOnlyDictionary<string, string> podLabels)
    {
        IstioPolicy? mesh = null, space = null, workload = null;
        foreach (var p in policies)
        {
            if (p.Kind != Kind) continue;
            if (!p.IsWorkloadScoped)
            {
                if (p.Namespace == rootNamespace) mesh ??= p;
                else if (p.Namespace == ns) space ??= p;
            }
            else if (p.Namespace != rootNamespace && p.Namespace == ns && p.Selects(podLabels)) workload ??= p;
        }
        var mode = MtlsMode.Permissive;
        IstioPolicy? source = null;
        foreach (var level in new[] { mesh, space, workload })
        {
            if (level is null) continue;
            var m = ModeOf(level.Spec["mtls"]);
            if (m == MtlsMode.Unset) continue;
            mode = m;
            source = level;
        }
        var perPort = new Dictionary<int, MtlsMode>();
        if (workload?.Spec["portLevelMtls"] is YMapping ports)
        {
            foreach (var e in ports.Entries)
            {
                if (!int.TryParse(e.Name, NumberStyles.None, CultureInfo.InvariantCulture, out int port)) continue;
                var m = ModeOf(e.Value);
                perPort[port] = m == MtlsMode.Unset ? mode : m;
            }
        }
        return new EffectivePeerAuthentication(mode, source, perPort, perPort.Count > 0 ? workload : null);
    }

    /// <summary>The policy's own workload-level mode (<c>mtls.mode</c>).</summary>
    public static MtlsMode ModeOf(YNode? mtls) => MtlsModes.Parse((mtls as YMapping)?["mode"] is YScalar s ? s.AsGoString() : null);
}
