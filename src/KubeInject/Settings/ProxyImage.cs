using System.Globalization;
using KubeInject.Go;
using KubeInject.Yaml;
using static KubeInject.Yaml.YNodeReading;

namespace KubeInject.Settings;

/// <summary>Istio's <c>ProxyImage</c> (§3.6): the image the templates use for <c>.ProxyImage</c>.</summary>
internal static class ProxyImage
{
    /// <summary>The annotation that overrides the image type (variant).</summary>
    public const string ImageTypeAnnotation = "sidecar.istio.io/proxyImageType";

    /// <summary>
    /// <c>&lt;hub&gt;/&lt;image&gt;:&lt;tag&gt;</c> from <c>values.global</c>, with the image type taken from
    /// <c>global.variant</c>, replaced by <c>meshConfig.defaultConfig.image.imageType</c> when <c>image</c> is set,
    /// replaced by the pod annotation when present.
    /// </summary>
    /// <param name="values">The injector values.</param>
    /// <param name="meshConfig">The effective mesh config (after the <c>proxy.istio.io/config</c> overlay).</param>
    /// <param name="podAnnotations">The pod's annotations, or null.</param>
    public static string Compute(YMapping values, YMapping meshConfig, IReadOnlyDictionary<string, string>? podAnnotations)
    {
        var global = values["global"] as YMapping;
        // The Values proto keeps the tag as a google.protobuf.Value; Istio prints it with %v, so numbers are
        // float64s (1.20 -> "1.2", 1000000 -> "1e+06") and null prints as <nil>.
        string tag = global?["tag"] is { } t ? Fmt.Sprint(GoValue.Of(t)) : "";
        string imageType = Text(global?["variant"]);
        if ((meshConfig["defaultConfig"] as YMapping)?["image"] is YMapping image) imageType = Text(image["imageType"]);
        string imageName = "proxyv2";
        string custom = Text((global?["proxy"] as YMapping)?["image"]);
        if (custom != "") imageName = custom;
        if (podAnnotations is not null && podAnnotations.TryGetValue(ImageTypeAnnotation, out var annotated)) imageType = annotated;
        return Text(global?["hub"]) + "/" + imageName + ":" + WithImageType(tag, imageType);
    }

    /// <summary>Istio's <c>updateImageTypeIfPresent</c>: strip one <c>-distroless</c>/<c>-debug</c>, then append the type unless it is <c>default</c>.</summary>
    public static string WithImageType(string tag, string imageType)
    {
        if (imageType == "") return tag;
        foreach (var suffix in new[] { "-distroless", "-debug" })
        {
            if (tag.EndsWith(suffix, StringComparison.Ordinal))
            {
                tag = tag[..^suffix.Length];
                break;
            }
        }
        return imageType == "default" ? tag : tag + "-" + imageType;
    }

}
