using KubeInject.Diagnostics;
using KubeInject.Go.Protojson;
using KubeInject.Yaml;

namespace KubeInject.Settings;

/// <summary>
/// The <c>proxy.istio.io/config</c> pod annotation applied onto a mesh config (Istio's
/// <c>mesh.ApplyProxyConfig</c>, §3.4): the result is used everywhere downstream as the mesh config, and its
/// <c>defaultConfig</c> is the template's <c>.ProxyConfig</c>.
/// </summary>
internal static class ProxyConfigOverlay
{
    /// <summary>The annotation carrying a per-pod ProxyConfig.</summary>
    public const string AnnotationName = "proxy.istio.io/config";

    /// <summary>
    /// A copy of <paramref name="meshConfig"/> whose <c>defaultConfig</c> has the annotation applied: fields present
    /// replace the mesh's wholesale, <c>proxyMetadata</c> is merged key by key, nulls and unknown fields are ignored.
    /// </summary>
    /// <param name="meshConfig">The effective mesh config (see <see cref="MeshConfigLoader"/>); not modified.</param>
    /// <param name="annotationValue">The annotation's YAML or JSON text; null leaves the mesh as is (cloned).</param>
    /// <exception cref="KubeInjectException">The text does not parse: <c>could not parse proxy config: ...</c>.</exception>
    public static YMapping Apply(YMapping meshConfig, string? annotationValue) => Apply(meshConfig, annotationValue, null);

    /// <summary>As <see cref="Apply(YMapping, string?)"/>, reporting a parse error at <paramref name="location"/> (the pod's annotation).</summary>
    public static YMapping Apply(YMapping meshConfig, string? annotationValue, SourceLocation? location)
    {
        var clone = (YMapping)meshConfig.DeepClone();
        if (annotationValue is null) return clone;
        var proxy = clone["defaultConfig"] as YMapping ?? MeshConfigDefaults.ProxyConfig();
        try
        {
            ProxyConfigMerge.Apply(proxy, annotationValue);
        }
        catch (ProtoJsonException e)
        {
            throw new KubeInjectException($"could not parse proxy config: {e.Message}", location, ErrorKind.BadInput, e);
        }
        clone.Set("defaultConfig", proxy);
        return clone;
    }

    /// <summary>The effective ProxyConfig of a mesh config (its <c>defaultConfig</c>, or the defaults).</summary>
    public static YMapping ProxyConfigOf(YMapping meshConfig) =>
        meshConfig["defaultConfig"] as YMapping ?? MeshConfigDefaults.ProxyConfig();
}
