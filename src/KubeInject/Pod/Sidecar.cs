using System.Text.RegularExpressions;
using KubeInject.Yaml;
using static KubeInject.Yaml.YNodeReading;

namespace KubeInject.Pod;

/// <summary>The <c>istio-proxy</c> container a manifest already holds, and the Istio version of its image.</summary>
/// <param name="Container">The container mapping.</param>
/// <param name="Image">Its <c>image</c> (may be empty).</param>
/// <param name="Version">The image tag as an Istio version, or <see cref="UnknownVersion"/>.</param>
internal sealed partial record Sidecar(YMapping Container, string Image, string Version)
{
    /// <summary>The version shown when an image tag is not a version (<c>latest</c>, a digest, no tag).</summary>
    public const string UnknownVersion = "unknown";

    // 1.22.4, v1.23.0, 1.24.0-beta.1; Istio's image variants (-distroless, -debug) name the same version.
    [GeneratedRegex(@"^v?(?<v>\d+\.\d+(?:\.\d+)?(?:-(?:alpha|beta|rc)(?:\.?\d+)*)?)(?:-(?:distroless|debug))?$")]
    private static partial Regex VersionTag();

    /// <summary>
    /// The <c>istio-proxy</c> container of a pod spec and its image's version (Istio's <c>FindSidecar</c>: among
    /// <c>containers</c>, else among <c>initContainers</c>, where native sidecars live); null when the spec has none.
    /// </summary>
    public static Sidecar? Find(YMapping? podSpec)
    {
        if (ContainerIn(podSpec) is not { } c) return null;
        string image = Text(c["image"]);
        return new Sidecar(c, image, VersionOf(image));
    }

    /// <summary>The one sidecar lookup: the first container named <c>istio-proxy</c>, else the first such init container.</summary>
    public static YMapping? ContainerIn(YMapping? podSpec) =>
        PodTree.Find(podSpec?["containers"] as YSequence, PodTree.ProxyName)
        ?? PodTree.Find(podSpec?["initContainers"] as YSequence, PodTree.ProxyName);

    /// <summary>The Istio version in an image reference's tag (<c>docker.io/istio/proxyv2:1.22.4</c> → <c>1.22.4</c>).</summary>
    public static string VersionOf(string image)
    {
        int at = image.IndexOf('@');
        if (at >= 0) image = image[..at];
        int slash = image.LastIndexOf('/');
        int colon = image.IndexOf(':', slash + 1);
        if (colon < 0) return UnknownVersion;
        var m = VersionTag().Match(image[(colon + 1)..]);
        return m.Success ? m.Groups["v"].Value : UnknownVersion;
    }

    /// <summary>Orders versions numerically (1.9 before 1.10), <see cref="UnknownVersion"/> last.</summary>
    public static int Compare(string a, string b)
    {
        if (a == b) return 0;
        if (a == UnknownVersion) return 1;
        if (b == UnknownVersion) return -1;
        var pa = a.Split('.', '-');
        var pb = b.Split('.', '-');
        for (int i = 0; i < Math.Min(pa.Length, pb.Length); i++)
        {
            int c = int.TryParse(pa[i], out var na) && int.TryParse(pb[i], out var nb) ? na.CompareTo(nb) : string.CompareOrdinal(pa[i], pb[i]);
            if (c != 0) return c;
        }
        return pa.Length.CompareTo(pb.Length);
    }

}
