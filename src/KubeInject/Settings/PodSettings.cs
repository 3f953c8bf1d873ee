using KubeInject.Diagnostics;
using KubeInject.Yaml;
using static KubeInject.Yaml.YNodeReading;

namespace KubeInject.Settings;

/// <summary>
/// The settings of one pod: the mesh config with the pod's <c>proxy.istio.io/config</c> overlay applied, its
/// ProxyConfig, the status port, and the pod's annotations as strings.
/// </summary>
/// <param name="Mesh">The mesh config this pod sees (the injector's own instance when the pod has no overlay).</param>
/// <param name="ProxyConfig">Its <c>defaultConfig</c>.</param>
/// <param name="StatusPort">ProxyConfig's <c>statusPort</c> (15020 by default).</param>
/// <param name="Annotations">The pod's annotations.</param>
internal sealed record PodSettings(YMapping Mesh, YMapping ProxyConfig, int StatusPort, Dictionary<string, string> Annotations)
{
    /// <summary>The settings of <paramref name="pod"/> over the injector's <paramref name="mesh"/>.</summary>
    public static PodSettings Of(YMapping pod, YMapping mesh, SourceLocation location)
    {
        var annotations = StringMap(((YMapping)pod["metadata"]!)["annotations"]);
        // Without a proxy.istio.io/config annotation every pod shares the injector's mesh config: the stages
        // downstream only read it, and the template model then converts it once, not once per workload.
        var overlay = annotations.GetValueOrDefault(ProxyConfigOverlay.AnnotationName);
        var podMesh = overlay is null ? mesh : ProxyConfigOverlay.Apply(mesh, overlay, location);
        var proxyConfig = ProxyConfigOverlay.ProxyConfigOf(podMesh);
        return new PodSettings(podMesh, proxyConfig, IntOf(proxyConfig["statusPort"], 15020), annotations);
    }

    private static int IntOf(YNode? node, int fallback) =>
        node is YScalar s && int.TryParse(s.AsGoString(), out var v) ? v : fallback;
}
